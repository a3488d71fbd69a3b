package syncserver

import (
	"context"
	"errors"
	"sync"

	"github.com/mobio-sync/mobio/protocol"
)

// errConnClosed is returned to a request whose connection closed while it waited to send.
var errConnClosed = errors.New("syncserver: connection closed")

// outQueue is a connection's bounded queue of frames to send, in order. Two kinds of frames
// enter it:
//   - replies (answers, and the stored entries of a catch-up) come from the connection's own
//     reader, which waits while limit replies are queued: a client that does not read slows
//     down only its own requests;
//   - live frames (events of the broker) must never wait: when limit live frames are queued,
//     live returns false and the connection is dropped as a slow consumer.
//
// A writer goroutine runs while the queue holds frames and ends when it is empty, so an idle
// connection has none. The last frame of a connection is its final error (see end), after
// which the queue is dead and takes nothing more.
type outQueue struct {
	limit int
	start func() // starts a writer goroutine; called with mu held

	mu      sync.Mutex // guards the fields below
	items   []outItem
	live    int             // live frames in items
	replies int             // replies in items
	final   *protocol.Error // sent after items; then the queue is dead
	ending  bool            // end was called
	dead    bool            // takes nothing more; the writer stops
	writing bool            // a writer goroutine runs
	space   chan struct{}   // signalled (cap 1) when a reply leaves the queue
	deadCh  chan struct{}   // closed when the queue dies
}

type outItem struct {
	f    protocol.Frame
	live bool
}

func newOutQueue(limit int, start func()) *outQueue {
	return &outQueue{limit: limit, start: start, space: make(chan struct{}, 1), deadCh: make(chan struct{})}
}

// wakeLocked starts a writer unless one runs. q.mu must be held.
func (q *outQueue) wakeLocked() {
	if !q.writing && !q.dead {
		q.writing = true
		q.start()
	}
}

// reply queues a reply, waiting while the queue holds limit replies. It returns errConnClosed
// once the connection ends, and ctx's error when ctx ends first.
func (q *outQueue) reply(ctx context.Context, f protocol.Frame) error {
	for {
		q.mu.Lock()
		if q.dead || q.ending {
			q.mu.Unlock()
			return errConnClosed
		}
		if q.replies < q.limit {
			q.items = append(q.items, outItem{f: f})
			q.replies++
			q.wakeLocked()
			q.mu.Unlock()
			return nil
		}
		q.mu.Unlock()
		select {
		case <-q.space:
		case <-q.deadCh:
		case <-ctx.Done():
			return ctx.Err()
		}
	}
}

// pushLive queues a live frame without waiting, and reports false when limit live frames are
// queued already. A dead or ending queue drops the frame and reports true.
func (q *outQueue) pushLive(f protocol.Frame) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.dead || q.ending {
		return true
	}
	if q.live >= q.limit {
		return false
	}
	q.items = append(q.items, outItem{f: f, live: true})
	q.live++
	q.wakeLocked()
	return true
}

// end makes e the connection's last frame: sent after the queued frames, or instead of them
// when drop is set. It reports false when the connection was ending already.
func (q *outQueue) end(e protocol.Error, drop bool) bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.dead || q.ending {
		return false
	}
	q.ending = true
	if drop {
		clear(q.items)
		q.items, q.live, q.replies = nil, 0, 0
	}
	q.final = &e
	q.wakeLocked()
	return true
}

// kill drops everything queued; nothing more is sent.
func (q *outQueue) kill() {
	q.mu.Lock()
	defer q.mu.Unlock()
	q.dieLocked()
}

func (q *outQueue) dieLocked() {
	if q.dead {
		return
	}
	q.dead, q.ending = true, true
	clear(q.items)
	q.items, q.live, q.replies, q.final = nil, 0, 0, nil
	close(q.deadCh)
}

// more reports whether the writer has more to write now.
func (q *outQueue) more() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return !q.dead && (len(q.items) > 0 || q.final != nil)
}

// isEnding reports whether the connection is ending.
func (q *outQueue) isEnding() bool {
	q.mu.Lock()
	defer q.mu.Unlock()
	return q.ending
}

// next returns the writer's next frame, and whether it is the final one. ok is false when
// the queue is empty or dead: the writer then ends, and the next frame queued starts another.
func (q *outQueue) next() (f protocol.Frame, final, ok bool) {
	q.mu.Lock()
	defer q.mu.Unlock()
	if q.dead {
		q.writing = false
		return nil, false, false
	}
	if len(q.items) > 0 {
		it := q.items[0]
		q.items[0] = outItem{}
		q.items = q.items[1:]
		if len(q.items) == 0 {
			q.items = nil
		}
		if it.live {
			q.live--
		} else {
			q.replies--
			select {
			case q.space <- struct{}{}:
			default:
			}
		}
		return it.f, false, true
	}
	if q.final != nil {
		e := *q.final
		q.dieLocked()
		return e, true, true
	}
	q.writing = false
	return nil, false, false
}
