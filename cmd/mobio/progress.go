package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/mobio-sync/mobio/client"
	"golang.org/x/term"
)

// This file holds what commands show while they wait: a progress bar for file transfers and
// a status line for sync, both on standard error and only on a terminal, so that scripts and
// logs get the result lines alone.

// isTerminal reports whether w is a terminal.
func isTerminal(w io.Writer) bool {
	f, ok := w.(*os.File)
	return ok && term.IsTerminal(int(f.Fd()))
}

// statusLine rewrites one line of a terminal in place. It is safe for concurrent use.
type statusLine struct {
	mu    sync.Mutex
	w     io.Writer
	width int       // of the text last drawn, to blank what a shorter text leaves
	last  time.Time // when the line was last drawn
	every time.Duration
}

func newStatusLine(w io.Writer) *statusLine {
	return &statusLine{w: w, every: 100 * time.Millisecond}
}

// show draws text, at most every l.every unless force is set.
func (l *statusLine) show(text string, force bool) {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := time.Now()
	if !force && now.Sub(l.last) < l.every {
		return
	}
	l.last = now
	n := len([]rune(text))
	fmt.Fprintf(l.w, "\r%s%s", text, strings.Repeat(" ", max(0, l.width-n)))
	l.width = n
}

// done ends the line, leaving its last text, so that what follows starts on a new line.
func (l *statusLine) done() {
	l.mu.Lock()
	defer l.mu.Unlock()
	if l.width > 0 {
		fmt.Fprintln(l.w)
		l.width = 0
	}
}

// barWidth is the number of cells of a progress bar.
const barWidth = 24

// progressText draws a transfer of done of total bytes: a bar, the percentage and the sizes.
// A total of 0 or less (unknown) draws the bytes done only.
func progressText(label string, done, total int64) string {
	if total <= 0 {
		return fmt.Sprintf("%s %s", label, humanSize(done))
	}
	done = min(max(done, 0), total)
	cells := int(done * barWidth / total)
	return fmt.Sprintf("%s [%s%s] %3d%% %s / %s", label,
		strings.Repeat("#", cells), strings.Repeat(".", barWidth-cells),
		done*100/total, humanSize(done), humanSize(total))
}

// progressBar returns a client.Progress that draws a bar labelled label on standard error,
// and a function that ends it; on anything but a terminal it returns nil (no progress) and a
// function that does nothing.
func (a *app) progressBar(label string) (client.Progress, func()) {
	if !isTerminal(a.Stderr) {
		return nil, func() {}
	}
	l := newStatusLine(a.Stderr)
	return func(done, total int64) {
		l.show(progressText(label, done, total), done >= total && total > 0)
	}, l.done
}

// humanSize writes a size in bytes as people read it: 812 B, 3.4 KiB, 12.0 MiB.
func humanSize(n int64) string {
	const unit = 1024
	if n < unit {
		return fmt.Sprintf("%d B", n)
	}
	div, exp := int64(unit), 0
	for m := n / unit; m >= unit; m /= unit {
		div *= unit
		exp++
	}
	return fmt.Sprintf("%.1f %ciB", float64(n)/float64(div), "KMGTPE"[exp])
}

// eventQueue hands the engine's events to one consumer. The engine's OnEvent must neither
// block nor call the client: add only appends and wakes; the consumer prints.
type eventQueue struct {
	mu     sync.Mutex
	events []timedEvent
	wake   chan struct{} // has a value when events waits
}

// timedEvent is an event and when it arrived.
type timedEvent struct {
	client.Event
	at time.Time
}

func newEventQueue() *eventQueue { return &eventQueue{wake: make(chan struct{}, 1)} }

func (q *eventQueue) add(ev client.Event) {
	q.mu.Lock()
	q.events = append(q.events, timedEvent{ev, time.Now()})
	q.mu.Unlock()
	select {
	case q.wake <- struct{}{}:
	default:
	}
}

// take returns the events queued since the last take.
func (q *eventQueue) take() []timedEvent {
	q.mu.Lock()
	defer q.mu.Unlock()
	evs := q.events
	q.events = nil
	return evs
}
