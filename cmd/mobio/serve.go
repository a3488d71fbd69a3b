package main

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/mobio-sync/mobio/casework/disclosure/viewer"
	"github.com/mobio-sync/mobio/syncserver"
	"github.com/mobio-sync/mobio/syncserver/sqlite"
	"github.com/mobio-sync/mobio/wasm/web"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// dbName is the relay's database file in its data directory.
const dbName = "relay.db"

// storeCloseTimeout bounds the wait for the store's last commits when serve stops.
const storeCloseTimeout = 30 * time.Second

// serveFlags are the settings of `mobio serve`, as given by flags or the environment.
type serveFlags struct {
	addr         string
	data         string
	tlsCert      string
	tlsKey       string
	origins      []string
	logFormat    string
	logLevel     string
	drainTimeout time.Duration
	limits       syncserver.Limits
	compactEvery time.Duration // 0: never
	docIdle      time.Duration
	maxResident  int
	web          string // directory of the built web app; "" serves none
	webConfig    web.Config
}

func newServeCmd(a *app) *cobra.Command {
	d := syncserver.DefaultLimits()
	f := &serveFlags{}
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Run the relay: WebSocket sync with an embedded SQLite database",
		Long: `Run the relay that stores and forwards the encrypted changes of biographies. It never sees
content: it checks signatures and memberships and keeps ciphertext in one SQLite database,
<data>/` + dbName + `, created (with its directory, mode 0700) at the first start.

It serves /sync (the WebSocket protocol), /healthz, /readyz, /metrics, /blobs/ and
/packages/ (disclosure packages, deleted when withdrawn or at their expiry), and with --web
the web app at every other path (the directory that make web builds, wasm/web/dist), with
/config.json telling it --controller, --dpo (named in its consent texts; without them it
records no consent) and --translate-url. With
--tls-cert and --tls-key it serves HTTPS; otherwise plain HTTP, for localhost or behind a
TLS-terminating proxy. SIGINT or SIGTERM stop it: it stops accepting, lets connections drain
(at most --drain-timeout), closes the database and exits with status 0.

Every flag can also be set by the environment variable named in its help; a flag given on the
command line wins. --origin should name the relay's public URL, as clients dial it: without
it the relay accepts authentication made for any origin.`,
		Example: `  mobio serve                                  # http://localhost:8080, database in ./data
  mobio serve --addr :443 --data /var/lib/mobio \
    --tls-cert cert.pem --tls-key key.pem --origin wss://relay.example
  MOBIO_ADDR=:8080 MOBIO_LOG_FORMAT=json mobio serve`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.flagsFromEnv(cmd); err != nil {
				return err
			}
			if err := f.check(); err != nil {
				return &usageError{err: err, cmd: cmd.CommandPath()}
			}
			return a.serve(cmd.Context(), f)
		},
	}
	fs := cmd.Flags()
	fs.StringVar(&f.addr, "addr", "localhost:8080", "`HOST:PORT` to listen on; :8080 listens on every interface")
	fs.StringVar(&f.data, "data", "./data", "directory `DIR` of the relay's database, created 0700")
	fs.StringVar(&f.tlsCert, "tls-cert", "", "serve HTTPS with the certificate (chain) in PEM `FILE`; needs --tls-key")
	fs.StringVar(&f.tlsKey, "tls-key", "", "private key of --tls-cert in PEM `FILE`")
	fs.StringSliceVar(&f.origins, "origin", nil, "relay `URL` clients may authenticate for, such as wss://relay.example;\nrepeat or separate by commas (default: any origin)")
	fs.IntVar(&f.limits.MaxFrameBytes, "max-frame-bytes", d.MaxFrameBytes, "largest WebSocket frame accepted, in bytes (at least 4096)")
	fs.IntVar(&f.limits.MaxDocsPerConn, "max-docs-per-conn", d.MaxDocsPerConn, "documents one connection may subscribe to")
	fs.Float64Var(&f.limits.PushesPerSecond, "pushes-per-second", d.PushesPerSecond, "sustained pushes per connection")
	fs.IntVar(&f.limits.PushBurst, "push-burst", d.PushBurst, "pushes one connection may make at once")
	fs.Int64Var(&f.limits.MaxDocBytes, "max-doc-bytes", d.MaxDocBytes, "bytes stored per document (at least --max-frame-bytes)")
	fs.IntVar(&f.limits.MaxConnsPerIP, "max-conns-per-ip", d.MaxConnsPerIP, "concurrent connections from one IP address")
	fs.DurationVar(&f.limits.AuthTimeout, "auth-timeout", d.AuthTimeout, "time a connection has to authenticate")
	fs.Int64Var(&f.limits.MaxBlobBytes, "max-blob-bytes", d.MaxBlobBytes, "size of one attachment, in bytes")
	fs.Int64Var(&f.limits.MaxPackageBytes, "max-package-bytes", d.MaxPackageBytes, "size of one disclosure package, in bytes")
	fs.DurationVar(&f.limits.MaxPackageLifetime, "max-package-lifetime", d.MaxPackageLifetime, "longest time a disclosure package is kept before it expires")
	fs.DurationVar(&f.limits.PingInterval, "ping-interval", d.PingInterval, "time between keepalive pings of a connection")
	fs.DurationVar(&f.limits.PingTimeout, "ping-timeout", d.PingTimeout, "time a connection has to answer a ping before it is closed")
	fs.DurationVar(&f.limits.SnapshotRetention, "snapshot-retention", d.SnapshotRetention, "age of a snapshot after which compaction drops the entries it covers")
	fs.DurationVar(&f.compactEvery, "compact-interval", syncserver.DefaultCompactInterval, "time between compactions; 0 never compacts")
	fs.DurationVar(&f.docIdle, "doc-idle-timeout", syncserver.DefaultDocIdleTimeout, "time an unused document's state stays in memory")
	fs.IntVar(&f.maxResident, "max-resident-docs", syncserver.DefaultMaxResidentDocs, "unused documents kept in memory at most")
	fs.DurationVar(&f.drainTimeout, "drain-timeout", syncserver.DefaultDrainTimeout, "time connections have to finish at shutdown")
	fs.StringVar(&f.web, "web", "", "serve the web app built in `DIR` (make web builds wasm/web/dist) at /")
	fs.StringVar(&f.webConfig.Controller, "controller", "", "the web app's consent texts: `NAME` and address of the organisation responsible for the data")
	fs.StringVar(&f.webConfig.DPO, "dpo", "", "the web app's consent texts: how to reach the data protection officer (`CONTACT`)")
	fs.StringVar(&f.webConfig.TranslateURL, "translate-url", "", "LibreTranslate-compatible service `URL` the web app offers for machine translation\n(shown to every visitor: no credentials)")
	fs.StringVar(&f.logFormat, "log-format", "text", "log format: text or json (logs go to standard error)")
	fs.StringVar(&f.logLevel, "log-level", "info", "least level logged: debug, info, warn or error")
	fs.SortFlags = false
	fs.VisitAll(func(fl *pflag.Flag) { withEnv(fl) })
	return cmd
}

// check reports the first setting that cannot work, naming its flag. It runs before anything
// is created or opened. Zero limits are refused: the relay would read them as "default".
func (f *serveFlags) check() error {
	if _, _, err := net.SplitHostPort(f.addr); err != nil {
		return fmt.Errorf("--addr %q: %w", f.addr, err)
	}
	if f.data == "" {
		return errors.New("--data: want a directory")
	}
	if (f.tlsCert == "") != (f.tlsKey == "") {
		return errors.New("--tls-cert and --tls-key go together: give both or neither")
	}
	for _, o := range f.origins {
		u, err := url.Parse(o)
		if err != nil || u.Host == "" || !isOriginScheme(u.Scheme) {
			return fmt.Errorf("--origin %q: want the relay's URL as clients dial it, such as wss://relay.example", o)
		}
	}
	l := f.limits
	checks := []struct {
		flag string
		bad  bool
		want string
	}{
		{"max-frame-bytes", l.MaxFrameBytes < 4<<10, "at least 4096"},
		{"max-docs-per-conn", l.MaxDocsPerConn < 1, "at least 1"},
		{"pushes-per-second", !(l.PushesPerSecond > 0), "more than 0"},
		{"push-burst", l.PushBurst < 1, "at least 1"},
		{"max-doc-bytes", l.MaxDocBytes < int64(l.MaxFrameBytes), "at least --max-frame-bytes"},
		{"max-conns-per-ip", l.MaxConnsPerIP < 1, "at least 1"},
		{"auth-timeout", l.AuthTimeout <= 0, "more than 0"},
		{"max-blob-bytes", l.MaxBlobBytes < 1, "at least 1"},
		{"max-package-bytes", l.MaxPackageBytes < 1, "at least 1"},
		{"max-package-lifetime", l.MaxPackageLifetime <= 0, "more than 0"},
		{"ping-interval", l.PingInterval <= 0, "more than 0"},
		{"ping-timeout", l.PingTimeout <= 0, "more than 0"},
		{"snapshot-retention", l.SnapshotRetention <= 0, "more than 0"},
		{"compact-interval", f.compactEvery < 0, "0 or more"},
		{"doc-idle-timeout", f.docIdle <= 0, "more than 0"},
		{"max-resident-docs", f.maxResident < 1, "at least 1"},
		{"drain-timeout", f.drainTimeout <= 0, "more than 0"},
	}
	for _, c := range checks {
		if c.bad {
			return fmt.Errorf("--%s: want %s", c.flag, c.want)
		}
	}
	if err := f.webConfig.Check(); err != nil {
		return fmt.Errorf("--translate-url: %w", err)
	}
	if f.logFormat != "text" && f.logFormat != "json" {
		return fmt.Errorf("--log-format %q: want text or json", f.logFormat)
	}
	if _, err := parseLevel(f.logLevel); err != nil {
		return err
	}
	return nil
}

func isOriginScheme(s string) bool {
	return s == "ws" || s == "wss" || s == "http" || s == "https"
}

// serve runs the relay configured by f, checked, until ctx is done.
func (a *app) serve(ctx context.Context, f *serveFlags) (err error) {
	stderr := &lockedWriter{w: a.Stderr}
	log, err := newLogger(stderr, f.logFormat, f.logLevel)
	if err != nil {
		return err
	}
	var tlsConfig *tls.Config
	if f.tlsCert != "" {
		cert, err := tls.LoadX509KeyPair(f.tlsCert, f.tlsKey)
		if err != nil {
			return fmt.Errorf("load --tls-cert and --tls-key: %w", err)
		}
		tlsConfig = &tls.Config{
			Certificates: []tls.Certificate{cert},
			MinVersion:   tls.VersionTLS12,
			// HTTP/1.1 only: a WebSocket upgrade takes over an HTTP/1.1 connection.
			NextProtos: []string{"http/1.1"},
		}
	}
	// Listening comes first: an address in use is the likeliest mistake, and it is found
	// before the data directory is touched.
	ln, err := net.Listen("tcp", f.addr)
	if err != nil {
		return fmt.Errorf("listen on --addr %s: %w", f.addr, err)
	}
	defer ln.Close() // Run closes it; this is for the errors before
	scheme := "http"
	if tlsConfig != nil {
		scheme = "https"
		ln = tls.NewListener(ln, tlsConfig)
	}
	if err := makeDataDir(f.data, log); err != nil {
		return err
	}

	dbPath := filepath.Join(f.data, dbName)
	store, err := sqlite.Open(ctx, dbPath, sqlite.Options{Logger: log, MaxBlobBytes: f.limits.MaxBlobBytes})
	if err != nil {
		return fmt.Errorf("open the database in --data %s: %w", f.data, err)
	}
	defer func() {
		// ctx is done by now: the last commits get a context of their own.
		closeCtx, cancel := context.WithTimeout(context.Background(), storeCloseTimeout)
		defer cancel()
		if cerr := store.Close(closeCtx); cerr != nil {
			err = errors.Join(err, cerr)
		}
		log.Info("mobio serve stopped")
	}()
	if len(f.origins) == 0 {
		log.Warn("no --origin given: authentication made for any origin is accepted; name the relay's public URL with --origin")
	}
	compactEvery := f.compactEvery
	if compactEvery == 0 {
		compactEvery = -1 // the relay reads 0 as its default
	}
	cfg := syncserver.Config{
		Addr:            f.addr,
		Store:           store,
		Limits:          f.limits,
		Logger:          log,
		Origins:         f.origins,
		DrainTimeout:    f.drainTimeout,
		CompactInterval: compactEvery,
		DocIdleTimeout:  f.docIdle,
		MaxResidentDocs: f.maxResident,
	}
	// The relay answers its own paths and hands every other one to the pages it serves: the
	// viewer of disclosure packages always (recipients open their links in a browser, with no
	// app installed), and the web app when --web names it.
	pages := http.NewServeMux()
	pages.Handle(viewer.Prefix, viewer.Handler())
	if f.web != "" {
		pages.Handle("/", web.Handler(f.web, web.WithConfig(f.webConfig)))
	}
	cfg.Fallback = pages
	relay, err := syncserver.New(cfg)
	if err != nil {
		return err
	}
	defer relay.Close()

	link := scheme + "://" + displayAddr(f.addr, ln.Addr())
	log.Info("mobio serve starting", "version", a.Version, "addr", ln.Addr().String(), "data", f.data, "tls", tlsConfig != nil)
	fmt.Fprintf(stderr, "mobio relay listening on %s\n", link)
	if a.OnListen != nil {
		a.OnListen(ln.Addr())
	}

	if f.web != "" {
		log.Info("serving the web app", "web", f.web)
		if f.webConfig.Controller == "" || f.webConfig.DPO == "" {
			log.Warn("no --controller or --dpo: the web app's consent texts cannot name them, so it records no consent and sends nothing to agencies")
		}
	}
	err = relay.Run(ctx, ln)
	if errors.Is(err, context.Canceled) {
		err = nil // a signal: the normal way to stop
	}
	return err
}

// makeDataDir creates the data directory, 0700, or warns when it exists and others may read it.
func makeDataDir(dir string, log *slog.Logger) error {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create --data directory: %w", err)
	}
	fi, err := os.Stat(dir)
	if err != nil {
		return fmt.Errorf("check --data directory: %w", err)
	}
	if !fi.IsDir() {
		return fmt.Errorf("--data %s: not a directory", dir)
	}
	if fi.Mode().Perm()&0o077 != 0 {
		log.Warn("data directory is open to other users; chmod 700 it", "data", dir, "mode", fi.Mode().Perm().String())
	}
	return nil
}

// displayAddr is the host and port a person would open for a relay configured with addr and
// listening on ln: the configured host name (localhost for one that means every interface)
// with the actual port, which differs from addr's for port 0.
func displayAddr(addr string, ln net.Addr) string {
	host, _, _ := net.SplitHostPort(addr)
	_, port, err := net.SplitHostPort(ln.String())
	if err != nil {
		return ln.String()
	}
	if ip := net.ParseIP(host); host == "" || (ip != nil && ip.IsUnspecified()) {
		host = "localhost"
	}
	return net.JoinHostPort(host, port)
}

// newLogger returns a logger writing format ("text" or "json") to w at level and above.
func newLogger(w io.Writer, format, level string) (*slog.Logger, error) {
	lv, err := parseLevel(level)
	if err != nil {
		return nil, err
	}
	opts := &slog.HandlerOptions{Level: lv}
	switch format {
	case "text":
		return slog.New(slog.NewTextHandler(w, opts)), nil
	case "json":
		return slog.New(slog.NewJSONHandler(w, opts)), nil
	}
	return nil, fmt.Errorf("--log-format %q: want text or json", format)
}

func parseLevel(s string) (slog.Level, error) {
	var lv slog.Level
	switch strings.ToLower(s) {
	case "debug", "info", "warn", "error":
		if err := lv.UnmarshalText([]byte(s)); err == nil {
			return lv, nil
		}
	}
	return 0, fmt.Errorf("--log-level %q: want debug, info, warn or error", s)
}

// envAnnotation marks a flag that its environment variable may set.
const envAnnotation = "mobio_env"

// envName is the environment variable of the flag name: MOBIO_ and the name in capitals, with
// underscores for dashes.
func envName(flag string) string {
	return "MOBIO_" + strings.ToUpper(strings.ReplaceAll(flag, "-", "_"))
}

// withEnv lets fl be set by its environment variable, named in its help.
func withEnv(fl *pflag.Flag) {
	name := envName(fl.Name)
	if fl.Annotations == nil {
		fl.Annotations = map[string][]string{}
	}
	fl.Annotations[envAnnotation] = []string{name}
	fl.Usage += " ($" + name + ")"
}

// flagsFromEnv sets every flag of cmd that may come from the environment and was not given
// on the command line from its environment variable, if that is set: a flag wins.
func (a *app) flagsFromEnv(cmd *cobra.Command) error {
	var err error
	cmd.Flags().VisitAll(func(fl *pflag.Flag) {
		env := fl.Annotations[envAnnotation]
		if err != nil || fl.Changed || len(env) == 0 {
			return
		}
		v := a.Getenv(env[0])
		if v == "" {
			return
		}
		if serr := cmd.Flags().Set(fl.Name, v); serr != nil {
			err = &usageError{
				err: fmt.Errorf("invalid value %q of $%s for --%s: %w", v, env[0], fl.Name, serr),
				cmd: cmd.CommandPath(),
			}
		}
	})
	return err
}

// lockedWriter serialises writes to w: the relay's goroutines log concurrently, and serve
// writes to the same stream.
type lockedWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (l *lockedWriter) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.w.Write(p)
}
