package main

import (
	"cmp"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"slices"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/spf13/cobra"
)

func newSyncCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	var (
		watch, asJSON bool
		timeout       time.Duration
	)
	cmd := &cobra.Command{
		Use:   "sync [DOC...]",
		Short: "Send what was written on this device and fetch what others wrote",
		Long: `Connect to the relay, send every change made on this device since the last sync (also
those made offline, which are kept on the device until then), fetch and verify what the
other members wrote, upload attached files that wait, and report what happened: changes
from other members (by the beginning of their identity ID), removals, erasures, and
warnings about anything that did not verify. It never prints a biography's content.

Every biography on this device is synced; naming DOCs limits the report to them.

With --watch, stay connected until Ctrl-C, reconnecting when the connection drops, and
print each event as it happens. With --json, print one JSON object per event, then (without
--watch) one with "event": "summary".`,
		Example: `  mobio sync
  mobio sync amina --watch
  mobio sync --watch --json | jq -c 'select(.event == "remote-change")'`,
		RunE: func(cmd *cobra.Command, args []string) error {
			q := newEventQueue()
			o := sessionOpts{needRelay: true, cmd: cmd.CommandPath(), onEvent: q.add}
			return a.withSessionOpts(cmd.Context(), f, o, func(x *session) error {
				docs, err := x.c.Docs(cmd.Context())
				if err != nil {
					return fmt.Errorf("list documents: %w", err)
				}
				var only []e2ee.DocID
				for _, arg := range args {
					d, err := x.resolveDoc(cmd.Context(), arg)
					if err != nil {
						return err
					}
					only = append(only, d.ID)
				}
				r := newSyncReport(x.Lang, docs, only)
				if watch {
					return a.watch(cmd.Context(), x, q, r, asJSON)
				}
				return a.syncOnce(cmd.Context(), x, q, r, timeout, asJSON)
			})
		},
	}
	f.register(cmd.Flags())
	cmd.Flags().BoolVarP(&watch, "watch", "w", false, "stay connected and print events until Ctrl-C")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print one JSON object per event")
	cmd.Flags().DurationVar(&timeout, "timeout", 2*time.Minute, "give up a sync (without --watch) that takes longer")
	return cmd
}

// syncReport follows the engine's events for what a sync prints: the progress line, the
// events of the documents asked for, and the summary.
type syncReport struct {
	lang   string
	docs   map[e2ee.DocID]client.DocInfo // as before the sync
	only   []e2ee.DocID                  // the documents reported; nil for all
	caught map[e2ee.DocID]bool           // documents caught up
	pend   map[e2ee.DocID]int            // changes waiting, as last reported
	recv   map[e2ee.DocID]int            // remote-change events
	gone   map[e2ee.DocID]bool           // documents removed from or erased, as reported
	online bool                          // connected, as last reported
}

func newSyncReport(lang string, docs []client.DocInfo, only []e2ee.DocID) *syncReport {
	r := &syncReport{lang: lang, docs: map[e2ee.DocID]client.DocInfo{}, only: only,
		caught: map[e2ee.DocID]bool{}, pend: map[e2ee.DocID]int{}, recv: map[e2ee.DocID]int{}, gone: map[e2ee.DocID]bool{}}
	for _, d := range docs {
		r.docs[d.ID] = d
		r.pend[d.ID] = d.Pending
	}
	return r
}

// wants reports whether the report covers doc; connection events have the zero doc.
func (r *syncReport) wants(doc e2ee.DocID) bool {
	return doc == (e2ee.DocID{}) || r.only == nil || slices.Contains(r.only, doc)
}

// reported returns the documents the report covers.
func (r *syncReport) reported() []e2ee.DocID {
	if r.only != nil {
		return r.only
	}
	ids := make([]e2ee.DocID, 0, len(r.docs))
	for id := range r.docs {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b e2ee.DocID) int { return cmp.Compare(a.String(), b.String()) })
	return ids
}

// label names a document in a line: its title and the beginning of its ID.
func (r *syncReport) label(doc e2ee.DocID) string {
	if d, ok := r.docs[doc]; ok && d.Title != "" {
		return d.Title + " (" + shortDocID(doc) + ")"
	}
	return shortDocID(doc)
}

// note records what ev says about the state of the sync.
func (r *syncReport) note(ev client.Event) {
	switch ev.Kind {
	case client.EventConnected:
		r.online = true
	case client.EventDisconnected:
		r.online = false
		clear(r.caught)
	case client.EventSynced:
		r.caught[ev.Doc], r.pend[ev.Doc] = true, 0
	case client.EventOutbox:
		r.pend[ev.Doc] = ev.Pending
	case client.EventRemoteChange:
		r.recv[ev.Doc]++
	case client.EventRemoved, client.EventErased:
		r.gone[ev.Doc], r.caught[ev.Doc] = true, true
	}
}

// progress is the status line of a sync in progress.
func (r *syncReport) progress() string {
	caught, pending := 0, 0
	for _, id := range r.reported() {
		if r.caught[id] {
			caught++
		}
		pending += r.pend[id]
	}
	return msg(r.lang, msgSyncProgress, caught, len(r.reported()), pending)
}

// line is what a person reads of ev, or "" for an event not worth a line. Connection events
// say what the person can do; none names content.
func (r *syncReport) line(ev client.Event, wasOnline bool) string {
	switch ev.Kind {
	case client.EventConnected:
		return msg(r.lang, msgEvConnected)
	case client.EventDisconnected:
		cause := ""
		if ev.Err != nil {
			cause = offlineCause(ev.Err)
		}
		if !wasOnline {
			return msg(r.lang, msgEvUnreachable, cause)
		}
		return msg(r.lang, msgEvDisconnected, cause)
	case client.EventRemoteChange:
		return msg(r.lang, msgEvRemoteChange, r.label(ev.Doc), ev.Author.Short())
	case client.EventSynced:
		return msg(r.lang, msgEvSynced, r.label(ev.Doc))
	case client.EventMembership:
		return msg(r.lang, msgEvMembership, r.label(ev.Doc))
	case client.EventRemoved:
		return msg(r.lang, msgEvRemoved, r.label(ev.Doc))
	case client.EventErased:
		return msg(r.lang, msgEvErased, r.label(ev.Doc))
	case client.EventSecurity:
		return msg(r.lang, msgEvSecurity, r.label(ev.Doc), errText(ev.Err))
	case client.EventRefused:
		return msg(r.lang, msgEvRefused, r.label(ev.Doc), errText(ev.Err))
	}
	return "" // outbox and presence: the progress line and the summary show them
}

func errText(err error) string {
	if err == nil {
		return "?"
	}
	return err.Error()
}

// eventJSON is a line of `mobio sync --json`.
type eventJSON struct {
	Time    string `json:"time"`
	Event   string `json:"event"`
	Doc     string `json:"doc,omitempty"`
	Author  string `json:"author,omitempty"`
	Pending *int   `json:"pending,omitempty"`
	Error   string `json:"error,omitempty"`
	// The summary's fields: documents reported, and those with changes from others.
	Docs     *int `json:"docs,omitempty"`
	Received *int `json:"changed,omitempty"`
}

func writeEventJSON(w io.Writer, ev timedEvent) error {
	out := eventJSON{Time: ev.at.UTC().Format(time.RFC3339Nano), Event: ev.Kind.String()}
	if ev.Doc != (e2ee.DocID{}) {
		out.Doc = ev.Doc.String()
	}
	if !ev.Author.IsZero() {
		out.Author = ev.Author.String()
	}
	if ev.Kind == client.EventOutbox || ev.Kind == client.EventSynced {
		out.Pending = &ev.Pending
	}
	if ev.Err != nil {
		out.Error = ev.Err.Error()
	}
	return writeJSONLine(w, out)
}

func writeJSONLine(w io.Writer, v any) error {
	b, err := json.Marshal(v)
	if err != nil {
		return err
	}
	_, err = w.Write(append(b, '\n'))
	return err
}

// syncOnce runs one sync with a progress line on a terminal, uploads waiting files, and
// reports.
func (a *app) syncOnce(ctx context.Context, x *session, q *eventQueue, r *syncReport, timeout time.Duration, asJSON bool) error {
	var line *statusLine
	if !asJSON && isTerminal(a.Stderr) {
		line = newStatusLine(a.Stderr)
		line.show(r.progress(), true)
	}
	var events []timedEvent
	stop, stopped := make(chan struct{}), make(chan struct{})
	go func() { // the only reader of q until stopped
		defer close(stopped)
		for {
			select {
			case <-q.wake:
				for _, ev := range q.take() {
					r.note(ev.Event)
					events = append(events, ev)
				}
				if line != nil {
					line.show(r.progress(), false)
				}
			case <-stop:
				return
			}
		}
	}()
	sctx, cancel := context.WithTimeout(ctx, timeout)
	err := x.c.Sync(sctx)
	if err == nil {
		progress, end := a.progressBar(msg(x.Lang, msgUploading))
		if uerr := x.c.UploadPending(sctx, progress); uerr != nil {
			err = newUserError(uerr, x.Lang, msgUploadFailed, x.clientError(uerr))
		}
		end()
	}
	cancel()
	after := map[e2ee.DocID]client.DocInfo{}
	for _, id := range r.reported() {
		if info, ierr := x.c.Info(ctx, id); ierr == nil {
			after[id] = info
		}
	}
	x.c.Close() // delivers the events emitted so far
	close(stop)
	<-stopped
	for _, ev := range q.take() {
		r.note(ev.Event)
		events = append(events, ev)
	}
	if line != nil {
		line.show(r.progress(), true)
		line.done()
	}
	// A removal the engine learnt of before this run emits no event: the role tells.
	for _, id := range r.reported() {
		if before, now := r.docs[id], after[id]; before.Role.Valid() && !now.Role.Valid() && !r.gone[id] {
			ev := timedEvent{client.Event{Kind: client.EventRemoved, Doc: id}, time.Now()}
			r.note(ev.Event)
			events = append(events, ev)
		}
	}

	pending, received := 0, 0 // received: documents with changes from others
	for _, id := range r.reported() {
		pending += after[id].Pending
		if r.recv[id] > 0 {
			received++
		}
	}
	type seenKey struct {
		kind   client.EventKind
		doc    e2ee.DocID
		author e2ee.IdentityID
	}
	seen := map[seenKey]bool{}
	wasOnline := false
	for _, ev := range events {
		if !r.wants(ev.Doc) {
			continue
		}
		if asJSON {
			if err := writeEventJSON(a.Stdout, ev); err != nil {
				return err
			}
			continue
		}
		// One line per document and kind: a sync may apply a hundred changes of one author.
		switch ev.Kind {
		case client.EventConnected, client.EventDisconnected, client.EventSynced, client.EventOutbox, client.EventPresence:
			wasOnline = wasOnline || ev.Kind == client.EventConnected
			continue
		}
		k := seenKey{ev.Kind, ev.Doc, ev.Author}
		if s := r.line(ev.Event, wasOnline); s != "" && !seen[k] {
			seen[k] = true
			fmt.Fprintln(a.Stdout, s)
		}
	}
	if err != nil {
		return x.syncError(err)
	}
	n := len(r.reported())
	if asJSON {
		return writeJSONLine(a.Stdout, eventJSON{Time: time.Now().UTC().Format(time.RFC3339Nano), Event: "summary", Docs: &n, Received: &received, Pending: &pending})
	}
	if pending > 0 {
		fmt.Fprintln(a.Stdout, msg(x.Lang, msgSyncPending, n, pending))
		return nil
	}
	fmt.Fprintln(a.Stdout, msg(x.Lang, msgSyncDone, n, received))
	return nil
}

// syncError says what a failed sync means: edits are kept, and what to check.
func (x *session) syncError(err error) error {
	if errors.Is(err, context.DeadlineExceeded) {
		return newUserError(err, x.Lang, msgSyncTimeout)
	}
	return x.clientError(err)
}

// watch keeps the connection until ctx ends, printing events as they happen.
func (a *app) watch(ctx context.Context, x *session, q *eventQueue, r *syncReport, asJSON bool) error {
	if !asJSON {
		fmt.Fprintln(a.Stderr, msg(x.Lang, msgWatching))
	}
	done := make(chan error, 1)
	go func() { done <- x.c.Run(ctx) }()
	print := func() error {
		for _, ev := range q.take() {
			wasOnline := r.online
			fresh := ev.Kind != client.EventSynced || !r.caught[ev.Doc] // "up to date" once per connection
			r.note(ev.Event)
			if !r.wants(ev.Doc) {
				continue
			}
			if asJSON {
				if err := writeEventJSON(a.Stdout, ev); err != nil {
					return err
				}
				continue
			}
			if s := r.line(ev.Event, wasOnline); s != "" && fresh {
				fmt.Fprintf(a.Stdout, "%s  %s\n", ev.at.Format("15:04:05"), s)
			}
		}
		return nil
	}
	for {
		select {
		case <-q.wake:
			if err := print(); err != nil {
				return err
			}
		case err := <-done:
			x.c.Close() // delivers the last events
			if perr := print(); perr != nil {
				return perr
			}
			if ctx.Err() != nil { // Ctrl-C: the way to stop
				return nil
			}
			return x.syncError(err)
		}
	}
}
