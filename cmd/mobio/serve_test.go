package main

import (
	"bytes"
	"context"
	"crypto/ecdsa"
	"crypto/elliptic"
	"crypto/rand"
	"crypto/tls"
	"crypto/x509"
	"crypto/x509/pkix"
	"encoding/json"
	"encoding/pem"
	"errors"
	"io"
	"io/fs"
	"math/big"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/mobio-sync/mobio/internal/loadgen"
)

// relayRun is an in-process `mobio serve` for a test.
type relayRun struct {
	addr   string // where it listens, such as 127.0.0.1:41234
	cancel context.CancelFunc
	done   chan error
	stderr bytes.Buffer // read only after done

	once sync.Once
	err  error
}

// startServe runs mobio serve with args and the environment env until it listens, and stops
// it when the test ends. Give it --addr 127.0.0.1:0 (or $MOBIO_ADDR).
func startServe(t *testing.T, env map[string]string, args ...string) *relayRun {
	t.Helper()
	ctx, cancel := context.WithCancel(t.Context())
	r := &relayRun{cancel: cancel, done: make(chan error, 1)}
	listening := make(chan net.Addr, 1)
	a := &app{
		Stdout:   io.Discard,
		Stderr:   &r.stderr,
		Getenv:   func(key string) string { return env[key] },
		Version:  "v0.0.0-test",
		OnListen: func(addr net.Addr) { listening <- addr },
	}
	go func() { r.done <- a.execute(ctx, append([]string{"serve"}, args...)) }()
	select {
	case addr := <-listening:
		r.addr = addr.String()
	case err := <-r.done:
		cancel()
		t.Fatalf("mobio serve %s: %v\n%s", strings.Join(args, " "), err, r.stderr.String())
	}
	t.Cleanup(func() { r.stop() })
	return r
}

// stop cancels serve's context, as a signal does, and returns what serve printed on stderr
// and its error.
func (r *relayRun) stop() (string, error) {
	r.once.Do(func() {
		r.cancel()
		r.err = <-r.done
	})
	return r.stderr.String(), r.err
}

func get(t *testing.T, c *http.Client, url string) (int, string) {
	t.Helper()
	resp, err := c.Get(url)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	defer resp.Body.Close()
	b, err := io.ReadAll(resp.Body)
	if err != nil {
		t.Fatalf("GET %s: %v", url, err)
	}
	return resp.StatusCode, string(b)
}

func TestServeAnswersAndStopsCleanly(t *testing.T) {
	data := filepath.Join(t.TempDir(), "data")
	r := startServe(t, nil, "--addr", "127.0.0.1:0", "--data", data)
	for _, path := range []string{"/healthz", "/readyz", "/metrics"} {
		if code, body := get(t, http.DefaultClient, "http://"+r.addr+path); code != http.StatusOK {
			t.Errorf("GET %s = %d %q, want 200", path, code, body)
		}
	}
	stderr, err := r.stop()
	if err != nil {
		t.Fatalf("mobio serve after cancel = %v, want nil\n%s", err, stderr)
	}
	for _, want := range []string{
		"mobio relay listening on http://" + r.addr + "\n",
		`msg="mobio serve starting"`, "data=" + data,
		`msg="relay stopped"`, `msg="store closed"`, `msg="mobio serve stopped"`,
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("mobio serve printed\n%s\nwant it to contain %q", stderr, want)
		}
	}
	fi, err := os.Stat(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := fi.Mode().Perm(); got != 0o700 {
		t.Errorf("data directory mode = %v, want 0700", got)
	}
	if _, err := os.Stat(filepath.Join(data, dbName)); err != nil {
		t.Errorf("database: %v", err)
	}
	// A store closed cleanly folded its WAL into the database and removed it.
	if _, err := os.Stat(filepath.Join(data, dbName+"-wal")); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("WAL after stop: %v, want it gone", err)
	}
	// The port is free again.
	ln, err := net.Listen("tcp", r.addr)
	if err != nil {
		t.Errorf("listen on %s after stop: %v", r.addr, err)
	} else {
		ln.Close()
	}
}

func TestServeWebAppBesideTheRelay(t *testing.T) {
	web := t.TempDir()
	if err := os.WriteFile(filepath.Join(web, "index.html"), []byte("<!doctype html><title>mobio app</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(web, "mobio.wasm"), []byte("\x00asm"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := startServe(t, nil, "--addr", "127.0.0.1:0", "--data", filepath.Join(t.TempDir(), "data"), "--web", web)
	base := "http://" + r.addr
	for _, tt := range []struct {
		path   string
		status int
		want   string
	}{
		{"/", 200, "mobio app"},
		{"/healthz", 200, "ok"},
		{"/readyz", 200, "ok"},
		{"/metrics", 200, "mobio_"},
		{"/sync", 426, "WebSocket"},   // the relay's WebSocket endpoint, asked without an upgrade
		{"/blobs/x/y", 400, ""},       // the relay's, refusing a malformed ID
		{"/no-such-file.js", 404, ""}, // the app's
	} {
		code, body := get(t, http.DefaultClient, base+tt.path)
		if code != tt.status || !strings.Contains(body, tt.want) {
			t.Errorf("GET %s = %d %.80q, want %d containing %q", tt.path, code, body, tt.status, tt.want)
		}
	}
	resp, err := http.Get(base + "/mobio.wasm")
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	if ct := resp.Header.Get("Content-Type"); ct != "application/wasm" {
		t.Errorf("mobio.wasm served as %q, want application/wasm", ct)
	}
	if stderr, err := r.stop(); err != nil || !strings.Contains(stderr, `msg="relay stopped"`) {
		t.Errorf("mobio serve --web after cancel = %v, want nil and a clean stop\n%s", err, stderr)
	}
}

// With --web, one server answers both: / is the app, /sync still upgrades to the relay's
// WebSocket protocol and authenticates, and /packages/ is the relay's.
func TestServeWebAppAndRelayOnOneServer(t *testing.T) {
	web := t.TempDir()
	if err := os.WriteFile(filepath.Join(web, "index.html"), []byte("<!doctype html><title>mobio app</title>"), 0o644); err != nil {
		t.Fatal(err)
	}
	r := startServe(t, nil, "--addr", "127.0.0.1:0", "--data", filepath.Join(t.TempDir(), "data"), "--web", web)
	base := "http://" + r.addr
	if code, body := get(t, http.DefaultClient, base+"/"); code != http.StatusOK || !strings.Contains(body, "mobio app") {
		t.Errorf("GET / = %d %.80q, want the app", code, body)
	}
	if code, body := get(t, http.DefaultClient, base+"/p/"); code != http.StatusOK || !strings.Contains(body, "viewer") {
		t.Errorf("GET /p/ = %d %.80q, want the package viewer", code, body)
	}
	if code, body := get(t, http.DefaultClient, base+"/packages/AAAAAAAAAAAAAAAAAAAAAA"); code != http.StatusNotFound || !strings.Contains(body, "no such package") {
		t.Errorf("GET /packages/{unknown} = %d %.80q, want the relay's 404", code, body)
	}
	id, err := keyring.NewIdentity()
	if err != nil {
		t.Fatal(err)
	}
	c, err := loadgen.Dial(t.Context(), "ws://"+r.addr+"/sync", id)
	if err != nil {
		t.Fatalf("dial /sync beside the app: %v", err)
	}
	c.Close()
	if stderr, err := r.stop(); err != nil || !strings.Contains(stderr, `msg="relay stopped"`) || !strings.Contains(stderr, `msg="serving the web app"`) {
		t.Errorf("mobio serve --web after cancel = %v, want nil and a clean stop\n%s", err, stderr)
	}
}

func TestServeReadsEnvironment(t *testing.T) {
	tests := []struct {
		name     string
		env      map[string]string // DATA in a value is replaced by a new directory
		args     []string
		wantJSON bool // logs are JSON lines
	}{
		{name: "environment sets address, data directory and log format",
			env:      map[string]string{"MOBIO_ADDR": "127.0.0.1:0", "MOBIO_DATA": "DATA", "MOBIO_LOG_FORMAT": "json"},
			wantJSON: true},
		{name: "flags win over the environment",
			env:  map[string]string{"MOBIO_ADDR": "not an address", "MOBIO_DATA": "/nonexistent/mobio", "MOBIO_LOG_FORMAT": "xml", "MOBIO_MAX_FRAME_BYTES": "1"},
			args: []string{"--addr", "127.0.0.1:0", "--data", "DATA", "--log-format", "text", "--max-frame-bytes", "65536"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			env := map[string]string{}
			for k, v := range tt.env {
				env[k] = strings.ReplaceAll(v, "DATA", data)
			}
			var args []string
			for _, a := range tt.args {
				args = append(args, strings.ReplaceAll(a, "DATA", data))
			}
			r := startServe(t, env, args...)
			if code, _ := get(t, http.DefaultClient, "http://"+r.addr+"/healthz"); code != http.StatusOK {
				t.Errorf("GET /healthz = %d, want 200", code)
			}
			stderr, err := r.stop()
			if err != nil {
				t.Fatalf("mobio serve = %v\n%s", err, stderr)
			}
			if _, err := os.Stat(filepath.Join(data, dbName)); err != nil {
				t.Errorf("database in the data directory: %v", err)
			}
			for _, line := range strings.Split(strings.TrimSpace(stderr), "\n") {
				if strings.HasPrefix(line, "mobio relay listening on ") {
					continue
				}
				if got := json.Valid([]byte(line)); got != tt.wantJSON {
					t.Errorf("log line %q: JSON = %v, want %v", line, got, tt.wantJSON)
				}
			}
		})
	}
}

func TestServeRefusesBadConfig(t *testing.T) {
	dir := t.TempDir()
	cert, key := writeCert(t, dir, "a")
	otherCert, _ := writeCert(t, dir, "b")
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o600); err != nil {
		t.Fatal(err)
	}
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer busy.Close()

	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		wantErr string
	}{
		{name: "address without port", args: []string{"--addr", "localhost"}, wantErr: `--addr "localhost": address localhost: missing port`},
		{name: "address in use", args: []string{"--addr", busy.Addr().String()}, wantErr: "listen on --addr " + busy.Addr().String()},
		{name: "empty data directory", args: []string{"--data", ""}, wantErr: "--data: want a directory"},
		{name: "data directory is a file", args: []string{"--data", file}, wantErr: "--data"},
		{name: "certificate without key", args: []string{"--tls-cert", cert}, wantErr: "--tls-cert and --tls-key go together"},
		{name: "key without certificate", args: []string{"--tls-key", key}, wantErr: "--tls-cert and --tls-key go together"},
		{name: "certificate file missing", args: []string{"--tls-cert", filepath.Join(dir, "none.pem"), "--tls-key", key}, wantErr: "load --tls-cert and --tls-key"},
		{name: "key of another certificate", args: []string{"--tls-cert", otherCert, "--tls-key", key}, wantErr: "load --tls-cert and --tls-key"},
		{name: "origin without scheme", args: []string{"--origin", "relay.example"}, wantErr: `--origin "relay.example"`},
		{name: "origin of another scheme", args: []string{"--origin", "ftp://relay.example"}, wantErr: `--origin "ftp://relay.example"`},
		{name: "frame limit too small", args: []string{"--max-frame-bytes", "100"}, wantErr: "--max-frame-bytes: want at least 4096"},
		{name: "zero documents per connection", args: []string{"--max-docs-per-conn", "0"}, wantErr: "--max-docs-per-conn: want at least 1"},
		{name: "zero pushes per second", args: []string{"--pushes-per-second", "0"}, wantErr: "--pushes-per-second: want more than 0"},
		{name: "NaN pushes per second", args: []string{"--pushes-per-second", "NaN"}, wantErr: "--pushes-per-second: want more than 0"},
		{name: "zero push burst", args: []string{"--push-burst", "0"}, wantErr: "--push-burst: want at least 1"},
		{name: "document smaller than a frame", args: []string{"--max-frame-bytes", "65536", "--max-doc-bytes", "4096"}, wantErr: "--max-doc-bytes: want at least --max-frame-bytes"},
		{name: "zero connections per IP", args: []string{"--max-conns-per-ip", "0"}, wantErr: "--max-conns-per-ip: want at least 1"},
		{name: "negative auth timeout", args: []string{"--auth-timeout", "-1s"}, wantErr: "--auth-timeout: want more than 0"},
		{name: "zero blob size", args: []string{"--max-blob-bytes", "0"}, wantErr: "--max-blob-bytes: want at least 1"},
		{name: "zero drain timeout", args: []string{"--drain-timeout", "0s"}, wantErr: "--drain-timeout: want more than 0"},
		{name: "zero ping interval", args: []string{"--ping-interval", "0s"}, wantErr: "--ping-interval: want more than 0"},
		{name: "zero ping timeout", args: []string{"--ping-timeout", "0s"}, wantErr: "--ping-timeout: want more than 0"},
		{name: "zero snapshot retention", args: []string{"--snapshot-retention", "0s"}, wantErr: "--snapshot-retention: want more than 0"},
		{name: "negative compaction interval", args: []string{"--compact-interval", "-1m"}, wantErr: "--compact-interval: want 0 or more"},
		{name: "zero document idle timeout", args: []string{"--doc-idle-timeout", "0s"}, wantErr: "--doc-idle-timeout: want more than 0"},
		{name: "no resident documents", args: []string{"--max-resident-docs", "0"}, wantErr: "--max-resident-docs: want at least 1"},
		{name: "environment ping interval out of range", env: map[string]string{"MOBIO_PING_INTERVAL": "-1s"}, wantErr: "--ping-interval: want more than 0"},
		{name: "unknown log format", args: []string{"--log-format", "xml"}, wantErr: `--log-format "xml": want text or json`},
		{name: "unknown log level", args: []string{"--log-level", "loud"}, wantErr: `--log-level "loud": want debug, info, warn or error`},
		{name: "number flag not a number", args: []string{"--max-frame-bytes", "lots"}, wantErr: `invalid argument "lots" for "--max-frame-bytes" flag`},
		{name: "environment value not a number", env: map[string]string{"MOBIO_MAX_FRAME_BYTES": "lots"},
			wantErr: `invalid value "lots" of $MOBIO_MAX_FRAME_BYTES for --max-frame-bytes`},
		{name: "environment value out of range", env: map[string]string{"MOBIO_PUSH_BURST": "0"}, wantErr: "--push-burst: want at least 1"},
		{name: "environment certificate without key", env: map[string]string{"MOBIO_TLS_CERT": cert}, wantErr: "--tls-cert and --tls-key go together"},
		{name: "arguments", args: []string{"extra"}, wantErr: `unknown command "extra" for "mobio serve"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			data := filepath.Join(t.TempDir(), "data")
			args := append([]string{"serve", "--addr", "127.0.0.1:0", "--data", data}, tt.args...)
			_, _, err := mobio(t, tt.env, args...)
			checkErr(t, args, err, tt.wantErr)
			if _, err := os.Stat(data); !errors.Is(err, fs.ErrNotExist) {
				t.Errorf("data directory after a refused start: %v, want none", err)
			}
		})
	}
}

func TestServeTLS(t *testing.T) {
	dir := t.TempDir()
	cert, key := writeCert(t, dir, "relay")
	r := startServe(t, map[string]string{"MOBIO_TLS_KEY": key}, "--addr", "127.0.0.1:0", "--data", filepath.Join(dir, "data"), "--tls-cert", cert)

	pemCert, err := os.ReadFile(cert)
	if err != nil {
		t.Fatal(err)
	}
	roots := x509.NewCertPool()
	roots.AppendCertsFromPEM(pemCert)
	c := &http.Client{Transport: &http.Transport{TLSClientConfig: &tls.Config{RootCAs: roots}}}
	defer c.CloseIdleConnections()
	if code, body := get(t, c, "https://"+r.addr+"/healthz"); code != http.StatusOK {
		t.Errorf("GET https://…/healthz = %d %q, want 200", code, body)
	}
	stderr, err := r.stop()
	if err != nil {
		t.Fatalf("mobio serve = %v\n%s", err, stderr)
	}
	if want := "mobio relay listening on https://" + r.addr; !strings.Contains(stderr, want) {
		t.Errorf("mobio serve printed\n%s\nwant it to contain %q", stderr, want)
	}
}

func TestHelpNamesRelayCommandsAndEnvironment(t *testing.T) {
	tests := []struct {
		args []string
		want []string
	}{
		{args: []string{"--help"}, want: []string{"serve", "admin", "schema"}},
		{args: []string{"serve", "--help"}, want: []string{
			"$MOBIO_ADDR", `(default "localhost:8080")`, "$MOBIO_DATA", `(default "./data")`,
			"$MOBIO_TLS_CERT", "$MOBIO_TLS_KEY", "$MOBIO_ORIGIN", "$MOBIO_MAX_FRAME_BYTES",
			"$MOBIO_MAX_DOCS_PER_CONN", "$MOBIO_PUSHES_PER_SECOND", "$MOBIO_PUSH_BURST",
			"$MOBIO_MAX_DOC_BYTES", "$MOBIO_MAX_CONNS_PER_IP", "$MOBIO_AUTH_TIMEOUT",
			"$MOBIO_MAX_BLOB_BYTES", "$MOBIO_PING_INTERVAL", "$MOBIO_PING_TIMEOUT",
			"$MOBIO_SNAPSHOT_RETENTION", "$MOBIO_COMPACT_INTERVAL", "$MOBIO_DOC_IDLE_TIMEOUT",
			"$MOBIO_MAX_RESIDENT_DOCS", "$MOBIO_LOG_FORMAT", "$MOBIO_LOG_LEVEL", "SIGTERM"}},
		{args: []string{"admin", "--help"}, want: []string{"backup", "stats"}},
		{args: []string{"admin", "backup", "--help"}, want: []string{"OUTPUT", "$MOBIO_DATA", "atomically"}},
		{args: []string{"admin", "stats", "--help"}, want: []string{"--json", "$MOBIO_DATA"}},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			out, _, err := mobio(t, nil, tt.args...)
			checkErr(t, tt.args, err, "")
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("mobio %s printed\n%s\nwant it to contain %q", strings.Join(tt.args, " "), out, w)
				}
			}
		})
	}
}

func TestDisplayAddr(t *testing.T) {
	tests := []struct {
		addr, listening, want string
	}{
		{"localhost:8080", "127.0.0.1:8080", "localhost:8080"},
		{":8080", "[::]:8080", "localhost:8080"},
		{"0.0.0.0:8080", "0.0.0.0:8080", "localhost:8080"},
		{"127.0.0.1:0", "127.0.0.1:41234", "127.0.0.1:41234"},
		{"[::1]:0", "[::1]:41234", "[::1]:41234"},
	}
	for _, tt := range tests {
		ln, err := net.ResolveTCPAddr("tcp", tt.listening)
		if err != nil {
			t.Fatal(err)
		}
		if got := displayAddr(tt.addr, ln); got != tt.want {
			t.Errorf("displayAddr(%q, %s) = %q, want %q", tt.addr, tt.listening, got, tt.want)
		}
	}
}

// writeCert writes a self-signed certificate for 127.0.0.1 and localhost and its key as PEM
// files name.crt and name.key in dir.
func writeCert(t *testing.T, dir, name string) (cert, key string) {
	t.Helper()
	priv, err := ecdsa.GenerateKey(elliptic.P256(), rand.Reader)
	if err != nil {
		t.Fatal(err)
	}
	tmpl := &x509.Certificate{
		SerialNumber:          big.NewInt(1),
		Subject:               pkix.Name{CommonName: name},
		NotBefore:             time.Now().Add(-time.Hour),
		NotAfter:              time.Now().Add(time.Hour),
		KeyUsage:              x509.KeyUsageDigitalSignature | x509.KeyUsageCertSign,
		ExtKeyUsage:           []x509.ExtKeyUsage{x509.ExtKeyUsageServerAuth},
		BasicConstraintsValid: true,
		IsCA:                  true,
		IPAddresses:           []net.IP{net.IPv4(127, 0, 0, 1)},
		DNSNames:              []string{"localhost"},
	}
	der, err := x509.CreateCertificate(rand.Reader, tmpl, tmpl, &priv.PublicKey, priv)
	if err != nil {
		t.Fatal(err)
	}
	keyDER, err := x509.MarshalPKCS8PrivateKey(priv)
	if err != nil {
		t.Fatal(err)
	}
	cert, key = filepath.Join(dir, name+".crt"), filepath.Join(dir, name+".key")
	if err := os.WriteFile(cert, pem.EncodeToMemory(&pem.Block{Type: "CERTIFICATE", Bytes: der}), 0o600); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(key, pem.EncodeToMemory(&pem.Block{Type: "PRIVATE KEY", Bytes: keyDER}), 0o600); err != nil {
		t.Fatal(err)
	}
	return cert, key
}

// metricOf returns the value of the metric line of the relay at addr that starts with name,
// as a number; -1 when there is none.
func metricOf(t *testing.T, addr, name string) float64 {
	t.Helper()
	_, body := get(t, http.DefaultClient, "http://"+addr+"/metrics")
	for line := range strings.Lines(body) {
		if rest, ok := strings.CutPrefix(line, name+" "); ok {
			v, err := strconv.ParseFloat(strings.TrimSpace(rest), 64)
			if err != nil {
				t.Fatalf("metric %s = %q: %v", name, rest, err)
			}
			return v
		}
	}
	return -1
}

// The keepalive and compaction settings reach the relay, from a flag or the environment:
// with short intervals, an authenticated connection is pinged and compaction passes run.
func TestServeSchedulesPingsAndCompaction(t *testing.T) {
	tests := []struct {
		name string
		env  map[string]string
		args []string
	}{
		{name: "flags", args: []string{"--ping-interval", "10ms", "--compact-interval", "10ms"}},
		{name: "environment", env: map[string]string{"MOBIO_PING_INTERVAL": "10ms", "MOBIO_COMPACT_INTERVAL": "10ms"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r := startServe(t, tt.env, append([]string{"--addr", "127.0.0.1:0", "--data", t.TempDir()}, tt.args...)...)
			id, err := keyring.NewIdentity()
			if err != nil {
				t.Fatal(err)
			}
			c, err := loadgen.Dial(t.Context(), "ws://"+r.addr+"/sync", id)
			if err != nil {
				t.Fatalf("dial the relay: %v", err)
			}
			defer c.Close()
			deadline := time.Now().Add(10 * time.Second)
			for metricOf(t, r.addr, "mobio_relay_pings_total") < 3 || metricOf(t, r.addr, "mobio_relay_compactions_total") < 3 {
				if time.Now().After(deadline) {
					t.Fatal("no pings or no compactions within 10s")
				}
				time.Sleep(10 * time.Millisecond) // polling interval
			}
		})
	}
}
