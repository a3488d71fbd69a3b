package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"runtime"
	"runtime/debug"
	"runtime/pprof"
	"strconv"
	"strings"
	"syscall"
	"time"

	"github.com/spf13/cobra"

	"github.com/mobio-sync/mobio/internal/loadgen"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/sqlite"
)

// benchFlags are the settings of `mobio bench`.
type benchFlags struct {
	relay     string
	relayPID  int
	spawn     bool
	scenarios []string
	duration  time.Duration
	docsA     int
	updates   int
	catchUp   int
	idle      int
	idleHold  time.Duration
	rate      float64
	window    int
	timeout   time.Duration
	cpuProf   string
}

// benchScenarios are the scenario names --scenario accepts, in the order they run.
var benchScenarios = []string{"a", "b", "c", "d"}

func newBenchCmd(a *app) *cobra.Command {
	f := &benchFlags{}
	cmd := &cobra.Command{
		Use:   "bench",
		Short: "Load a relay on 127.0.0.1 and print one JSON line of figures per scenario",
		Long: `Drive a relay with real, authenticated WebSocket clients pushing sealed updates, and print
one JSON line per scenario:

  a  throughput: documents with one writer and one subscriber each; writers push as fast as
     acknowledgements allow (--window pushes in flight)
  b  latency: documents with one writer (--rate updates/s) and two subscribers, for --duration;
     p50/p95/p99 from the writer's send to a subscriber's receipt
  c  idle: --idle authenticated connections that stay idle; relay memory per connection, and
     with --idle-hold the connections the relay closed while they idled that long (a relay that
     pings them keeps them all) and its memory at the end
  d  catch-up: a document with --catch-up updates; a fresh subscriber's time to CaughtUp

All traffic goes to 127.0.0.1: --relay must be ws://127.0.0.1:PORT/sync. Without --relay (or
with --spawn) the relay runs in this process on 127.0.0.1, with a database in a temporary
directory, and its CPU time and RSS are reported too; client and relay then share the process,
so the figures include the load generator's share. Every scenario stops after --timeout;
Ctrl-C cancels.

A relay in another process measures alone: start it with a connection limit per address above
--idle, and pass its process ID. Each connection costs a file descriptor at both ends; the
bench checks the limits (ulimit -n) first.`,
		Example: `  mobio bench                                   # all scenarios against an in-process relay
  mobio bench --scenario a,d
  mobio bench --relay ws://127.0.0.1:8080/sync --duration 30s
  mobio serve --addr 127.0.0.1:8080 --max-conns-per-ip 20000 --pushes-per-second 1e9 --push-burst 1000000000 &
  mobio bench --relay ws://127.0.0.1:8080/sync --relay-pid $! --scenario c --idle 10000 --idle-hold 1m`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := f.check(); err != nil {
				return &usageError{err: err, cmd: cmd.CommandPath()}
			}
			return a.bench(cmd.Context(), f)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&f.relay, "relay", "", "`URL` of a running relay, ws://127.0.0.1:PORT/sync (default: --spawn)")
	fs.IntVar(&f.relayPID, "relay-pid", 0, "process `ID` of the --relay on this machine, to report its CPU time and RSS")
	fs.BoolVar(&f.spawn, "spawn", false, "run the relay in this process on 127.0.0.1 (the default without --relay)")
	fs.StringSliceVar(&f.scenarios, "scenario", benchScenarios, "scenarios to run, among a, b, c and d")
	fs.DurationVar(&f.duration, "duration", 15*time.Second, "how long scenario b pushes")
	fs.IntVar(&f.docsA, "docs", 10, "documents of scenario a (scenario b has ten times as many)")
	fs.IntVar(&f.updates, "updates", 2000, "updates per writer in scenario a")
	fs.IntVar(&f.catchUp, "catch-up", 5000, "updates of the document scenario d catches up")
	fs.IntVar(&f.idle, "idle", 1000, "idle connections of scenario c")
	fs.DurationVar(&f.idleHold, "idle-hold", 0, "how long scenario c keeps its connections idle after measuring (0: not at all)")
	fs.Float64Var(&f.rate, "rate", 20, "updates per second per writer in scenario b")
	fs.IntVar(&f.window, "window", 64, "pushes a writer keeps in flight in scenario a")
	fs.DurationVar(&f.timeout, "timeout", 2*time.Minute, "time limit of each scenario (scenario b: --duration more)")
	fs.StringVar(&f.cpuProf, "cpuprofile", "", "write a CPU profile of this process (with a spawned relay: relay and clients) to `FILE`")
	fs.SortFlags = false
	return cmd
}

// check reports the first setting that cannot work, naming its flag.
func (f *benchFlags) check() error {
	if f.relay != "" && f.spawn {
		return errors.New("--relay and --spawn exclude each other")
	}
	if f.relayPID != 0 && (f.relay == "" || f.relayPID < 0) {
		return errors.New("--relay-pid: want the process ID of the relay --relay names")
	}
	if f.relay != "" {
		if err := loadgen.CheckURL(f.relay); err != nil {
			return fmt.Errorf("--relay: %w", err)
		}
	}
	for _, s := range f.scenarios {
		if !strings.Contains("abcd", s) || len(s) != 1 {
			return fmt.Errorf("--scenario %q: want a, b, c or d", s)
		}
	}
	checks := []struct {
		flag string
		bad  bool
	}{
		{"duration", f.duration <= 0},
		{"docs", f.docsA < 1},
		{"updates", f.updates < 1},
		{"catch-up", f.catchUp < 1},
		{"idle", f.idle < 1},
		{"rate", !(f.rate > 0)},
		{"window", f.window < 1},
		{"timeout", f.timeout <= 0},
		{"idle-hold", f.idleHold < 0},
	}
	for _, c := range checks {
		if c.bad {
			return fmt.Errorf("--%s: want more than 0", c.flag)
		}
	}
	if containsString(f.scenarios, "c") {
		// Scenario c's connections need a descriptor here, and at the relay: here too when
		// it is spawned.
		need := f.idle + fdMargin
		if f.relay == "" {
			need += f.idle
		}
		if err := checkOpenFiles("this process", "/proc/self/limits", need); err != nil {
			return fmt.Errorf("--idle %d: %w", f.idle, err)
		}
		if f.relayPID > 0 {
			if err := checkOpenFiles("the relay", fmt.Sprintf("/proc/%d/limits", f.relayPID), f.idle+fdMargin); err != nil {
				return fmt.Errorf("--idle %d: %w", f.idle, err)
			}
		}
	}
	return nil
}

// fdMargin is the file descriptors a process needs besides its connections: the database,
// listeners, standard streams.
const fdMargin = 64

// checkOpenFiles reports an error when the process whose limits file is path may not open
// need files. Go programs start with the soft limit raised to the hard one, so the hard limit
// is what counts; a file that cannot be read proves nothing.
func checkOpenFiles(who, path string, need int) error {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil
	}
	for line := range strings.Lines(string(b)) {
		rest, ok := strings.CutPrefix(line, "Max open files")
		if !ok {
			continue
		}
		f := strings.Fields(rest)
		if len(f) < 1 {
			return nil
		}
		soft, err := strconv.Atoi(f[0])
		if err != nil {
			return nil // "unlimited"
		}
		if soft < need {
			return fmt.Errorf("%s may open %d files, and needs %d: raise its limit (ulimit -n)", who, soft, need)
		}
	}
	return nil
}

// bench runs the scenarios of f, checked, against the relay f names or one it spawns.
func (a *app) bench(ctx context.Context, f *benchFlags) (err error) {
	url := f.relay
	var probe loadgen.Probe
	settle := func() {}
	if f.cpuProf != "" {
		out, err := os.Create(f.cpuProf)
		if err != nil {
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		if err := pprof.StartCPUProfile(out); err != nil {
			out.Close()
			return fmt.Errorf("--cpuprofile: %w", err)
		}
		defer func() {
			pprof.StopCPUProfile()
			err = errors.Join(err, out.Close())
		}()
	}
	if f.relayPID > 0 {
		p := pidProbe(f.relayPID)
		if p.RSSBytes() == 0 {
			return fmt.Errorf("--relay-pid %d: no such process to measure", f.relayPID)
		}
		probe = p
	}
	if url == "" {
		var stop func() error
		url, stop, err = spawnRelay(ctx)
		if err != nil {
			return err
		}
		defer func() { err = errors.Join(err, stop()) }()
		probe = selfProbe{}
		settle = func() {
			runtime.GC()
			debug.FreeOSMemory()
		}
	}
	run := func(name string) (any, error) {
		limit := f.timeout
		switch name {
		case "b":
			limit += f.duration
		case "c":
			limit += f.idleHold
		}
		ctx, cancel := context.WithTimeout(ctx, limit)
		defer cancel()
		switch name {
		case "a":
			return loadgen.RunThroughput(ctx, url, f.docsA, f.updates, f.window, probe)
		case "b":
			return loadgen.RunLatency(ctx, url, 10*f.docsA, 2, f.rate, f.duration, probe)
		case "c":
			return loadgen.RunIdle(ctx, url, f.idle, f.idleHold, probe, settle)
		default:
			return loadgen.RunCatchUp(ctx, url, f.catchUp, probe)
		}
	}
	for _, name := range benchScenarios {
		if !containsString(f.scenarios, name) {
			continue
		}
		res, err := run(name)
		if err != nil && ctx.Err() != nil {
			return fmt.Errorf("scenario %s interrupted: %w", name, ctx.Err())
		}
		if err != nil {
			return fmt.Errorf("scenario %s: %w", name, err)
		}
		b, err := json.Marshal(res)
		if err != nil {
			return fmt.Errorf("encode scenario %s: %w", name, err)
		}
		if _, err := a.Stdout.Write(append(b, '\n')); err != nil {
			return fmt.Errorf("write scenario %s: %w", name, err)
		}
	}
	return nil
}

func containsString(list []string, s string) bool {
	for _, v := range list {
		if v == s {
			return true
		}
	}
	return false
}

// spawnRelay starts a relay in this process on 127.0.0.1 with a database in a temporary
// directory and limits raised for load; stop stops it and removes the directory.
func spawnRelay(ctx context.Context) (url string, stop func() error, err error) {
	dir, err := os.MkdirTemp("", "mobio-bench-")
	if err != nil {
		return "", nil, fmt.Errorf("create the relay's temporary directory: %w", err)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	store, err := sqlite.Open(ctx, dir+"/"+dbName, sqlite.Options{Logger: log})
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, fmt.Errorf("open the relay's database: %w", err)
	}
	l := syncserver.DefaultLimits()
	l.MaxConnsPerIP = 1 << 20
	l.PushesPerSecond, l.PushBurst = 1e9, 1<<30
	l.SendQueue = 1 << 16
	relay, err := syncserver.New(syncserver.Config{Addr: "127.0.0.1:0", Store: store, Limits: l, Logger: log})
	if err == nil {
		var ln net.Listener
		if ln, err = net.Listen("tcp", "127.0.0.1:0"); err == nil {
			runCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
			done := make(chan error, 1)
			go func() { done <- relay.Run(runCtx, ln) }()
			stop = func() error {
				cancel()
				err := <-done
				if errors.Is(err, context.Canceled) {
					err = nil
				}
				closeCtx, cancelClose := context.WithTimeout(context.Background(), storeCloseTimeout)
				defer cancelClose()
				err = errors.Join(err, relay.Close(), store.Close(closeCtx), os.RemoveAll(dir))
				if err != nil {
					return fmt.Errorf("stop the spawned relay: %w", err)
				}
				return nil
			}
			return "ws://" + ln.Addr().String() + "/sync", stop, nil
		}
		relay.Close()
	}
	closeCtx, cancel := context.WithTimeout(context.Background(), storeCloseTimeout)
	defer cancel()
	err = errors.Join(fmt.Errorf("start the relay: %w", err), store.Close(closeCtx), os.RemoveAll(dir))
	return "", nil, err
}

// selfProbe measures this process, where a spawned relay runs.
type selfProbe struct{}

func (selfProbe) CPUSeconds() float64 {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		return 0
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano()).Seconds()
}

func (selfProbe) RSSBytes() int64 { return procRSS("/proc/self/status") }

// pidProbe measures the relay process with this ID through /proc.
type pidProbe int

// clockTicks is USER_HZ, the unit of /proc/PID/stat's CPU times: 100 on Linux.
const clockTicks = 100

func (p pidProbe) CPUSeconds() float64 {
	b, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", int(p)))
	if err != nil {
		return 0
	}
	// The fields after the command name, which ends at the last ')': state is the first,
	// utime (field 14 of the line) the twelfth and stime the thirteenth.
	i := strings.LastIndex(string(b), ") ")
	if i < 0 {
		return 0
	}
	f := strings.Fields(string(b)[i+2:])
	if len(f) < 13 {
		return 0
	}
	ut, err1 := strconv.ParseInt(f[11], 10, 64)
	st, err2 := strconv.ParseInt(f[12], 10, 64)
	if err1 != nil || err2 != nil {
		return 0
	}
	return float64(ut+st) / clockTicks
}

func (p pidProbe) RSSBytes() int64 { return procRSS(fmt.Sprintf("/proc/%d/status", int(p))) }

// procRSS reads VmRSS from a /proc status file; 0 where there is none.
func procRSS(path string) int64 {
	b, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	for line := range strings.Lines(string(b)) {
		if rest, ok := strings.CutPrefix(line, "VmRSS:"); ok {
			kb, err := strconv.ParseInt(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			if err != nil {
				return 0
			}
			return kb << 10
		}
	}
	return 0
}
