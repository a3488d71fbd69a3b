package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/e2ee/keyring"
)

func init() {
	// Sealing an identity at the default argon2id costs takes half a second and 64 MiB, much
	// more under the race detector; the tests' identities need no protection.
	keyring.DefaultArgon2 = keyring.Argon2Params{Time: 1, Memory: 64, Threads: 1}
}

// testPassphrase is the passphrase of the identities the tests create.
const testPassphrase = "correct horse battery staple"

// testHome returns the environment of a fresh mobio home in a temporary directory, with a
// passphrase file and English messages.
func testHome(t *testing.T) map[string]string {
	t.Helper()
	dir := t.TempDir()
	pass := filepath.Join(dir, "passphrase")
	if err := os.WriteFile(pass, []byte(testPassphrase+"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	return map[string]string{
		"HOME":                  dir,
		"MOBIO_HOME":            filepath.Join(dir, "mobio"),
		"MOBIO_PASSPHRASE_FILE": pass,
		"MOBIO_LANG":            "en",
	}
}

// with returns a copy of env with the given changes; an empty value removes the variable.
func with(env map[string]string, kv ...string) map[string]string {
	out := map[string]string{}
	for k, v := range env {
		out[k] = v
	}
	for i := 0; i+1 < len(kv); i += 2 {
		if kv[i+1] == "" {
			delete(out, kv[i])
		} else {
			out[kv[i]] = kv[i+1]
		}
	}
	return out
}

// mustMobio runs mobio and fails the test on an error; it returns what mobio printed.
func mustMobio(t *testing.T, env map[string]string, args ...string) string {
	t.Helper()
	out, errOut, err := mobio(t, env, args...)
	if err != nil {
		t.Fatalf("mobio %s: %v\nstderr: %s", strings.Join(args, " "), err, errOut)
	}
	return out
}

func configShow(t *testing.T, env map[string]string, args ...string) configShowJSON {
	t.Helper()
	var got configShowJSON
	out := mustMobio(t, env, append([]string{"config", "show", "--json"}, args...)...)
	if err := json.Unmarshal([]byte(out), &got); err != nil {
		t.Fatalf("mobio config show --json printed invalid JSON: %v\n%s", err, out)
	}
	return got
}

func TestConfigPrecedenceFlagEnvFileDefault(t *testing.T) {
	base := testHome(t)
	base = with(base, "MOBIO_LANG", "", "MOBIO_PASSPHRASE_FILE", "")
	home := base["MOBIO_HOME"]
	if err := os.MkdirAll(home, 0o700); err != nil {
		t.Fatal(err)
	}
	file := "relay = \"https://file.example\"\nlang = \"fr\"\npassphrase_file = \"pass.txt\"\n"
	if err := os.WriteFile(filepath.Join(home, configFileName), []byte(file), 0o600); err != nil {
		t.Fatal(err)
	}
	noFile := with(base, "MOBIO_HOME", filepath.Join(t.TempDir(), "empty"))

	tests := []struct {
		name       string
		env        map[string]string
		args       []string
		wantLang   string
		wantRelay  string
		wantPass   string
		wantSource map[string]string
	}{
		{name: "defaults: German, no relay, no passphrase file", env: noFile,
			wantLang: "de", wantRelay: "", wantPass: "",
			wantSource: map[string]string{"lang": "default", "relay": "default", "passphrase_file": "default"}},
		{name: "default language follows $LANG when it is one of the five", env: with(noFile, "LANG", "ar_SY.UTF-8"),
			wantLang: "ar", wantSource: map[string]string{"lang": "default"}},
		{name: "default language is German for another $LANG", env: with(noFile, "LANG", "tr_TR.UTF-8"),
			wantLang: "de"},
		{name: "the file wins over the defaults, its passphrase file relative to it", env: base,
			wantLang: "fr", wantRelay: "wss://file.example/sync", wantPass: filepath.Join(home, "pass.txt"),
			wantSource: map[string]string{"lang": "file", "relay": "file", "passphrase_file": "file"}},
		{name: "the environment wins over the file",
			env:      with(base, "MOBIO_LANG", "fa", "MOBIO_RELAY", "http://127.0.0.1:8080", "MOBIO_PASSPHRASE_FILE", "/env/pass"),
			wantLang: "fa", wantRelay: "ws://127.0.0.1:8080/sync", wantPass: "/env/pass",
			wantSource: map[string]string{"lang": "env", "relay": "env", "passphrase_file": "env"}},
		{name: "a flag wins over the environment",
			env:      with(base, "MOBIO_LANG", "fa", "MOBIO_RELAY", "http://127.0.0.1:8080"),
			args:     []string{"--lang", "en", "--relay", "wss://flag.example/custom", "--passphrase-file", "/flag/pass"},
			wantLang: "en", wantRelay: "wss://flag.example/custom", wantPass: "/flag/pass",
			wantSource: map[string]string{"lang": "flag", "relay": "flag", "passphrase_file": "flag"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := configShow(t, tt.env, tt.args...)
			if got.Lang != tt.wantLang {
				t.Errorf("lang = %q, want %q", got.Lang, tt.wantLang)
			}
			if tt.wantSource["relay"] != "" && got.Relay != tt.wantRelay {
				t.Errorf("relay = %q, want %q", got.Relay, tt.wantRelay)
			}
			if tt.wantSource["passphrase_file"] != "" && got.PassphraseFile != tt.wantPass {
				t.Errorf("passphrase_file = %q, want %q", got.PassphraseFile, tt.wantPass)
			}
			for k, v := range tt.wantSource {
				if got.Source[k] != v {
					t.Errorf("source of %s = %q, want %q", k, got.Source[k], v)
				}
			}
		})
	}
}

func TestConfigDirectories(t *testing.T) {
	dir := t.TempDir()
	tests := []struct {
		name                 string
		env                  map[string]string
		args                 []string
		wantConfig, wantData string
	}{
		{name: "XDG defaults under HOME", env: map[string]string{"HOME": dir},
			wantConfig: filepath.Join(dir, ".config", "mobio"), wantData: filepath.Join(dir, ".local", "share", "mobio")},
		{name: "XDG_CONFIG_HOME and XDG_DATA_HOME", env: map[string]string{"HOME": dir, "XDG_CONFIG_HOME": "/xdg/config", "XDG_DATA_HOME": "/xdg/data"},
			wantConfig: "/xdg/config/mobio", wantData: "/xdg/data/mobio"},
		{name: "relative XDG paths are ignored", env: map[string]string{"HOME": dir, "XDG_CONFIG_HOME": "rel"},
			wantConfig: filepath.Join(dir, ".config", "mobio"), wantData: filepath.Join(dir, ".local", "share", "mobio")},
		{name: "MOBIO_HOME holds everything", env: map[string]string{"HOME": dir, "MOBIO_HOME": "/m"},
			wantConfig: "/m", wantData: "/m"},
		{name: "--home wins over MOBIO_HOME", env: map[string]string{"HOME": dir, "MOBIO_HOME": "/m"}, args: []string{"--home", "/h"},
			wantConfig: "/h", wantData: "/h"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := configShow(t, tt.env, tt.args...)
			if want := filepath.Join(tt.wantConfig, configFileName); got.ConfigFile != want {
				t.Errorf("config file %q, want %q", got.ConfigFile, want)
			}
			if want := filepath.Join(tt.wantConfig, identityFileName); got.IdentityFile != want {
				t.Errorf("identity file %q, want %q", got.IdentityFile, want)
			}
			if want := filepath.Join(tt.wantData, localDBName); got.Database != want {
				t.Errorf("database %q, want %q", got.Database, want)
			}
		})
	}
}

func TestConfigSetWritesTheFileThatLaterCommandsRead(t *testing.T) {
	env := with(testHome(t), "MOBIO_LANG", "")
	out := mustMobio(t, env, "config", "set", "relay", "https://relay.example")
	if !strings.Contains(out, "relay") {
		t.Errorf("mobio config set printed %q, want it to name the key", out)
	}
	mustMobio(t, env, "config", "set", "lang", "AR")
	got := configShow(t, env)
	if got.Relay != "wss://relay.example/sync" || got.Lang != "ar" || got.Source["relay"] != "file" {
		t.Errorf("after config set: relay %q lang %q (source %q), want wss://relay.example/sync, ar, file", got.Relay, got.Lang, got.Source["relay"])
	}
	fi, err := os.Stat(got.ConfigFile)
	if err != nil {
		t.Fatal(err)
	}
	if fi.Mode().Perm() != 0o600 {
		t.Errorf("config file mode %v, want 0600", fi.Mode().Perm())
	}
	mustMobio(t, env, "config", "set", "relay", "")
	if got := configShow(t, env); got.Relay != "" || got.Lang != "ar" {
		t.Errorf("after config set relay \"\": relay %q lang %q, want none and ar", got.Relay, got.Lang)
	}
	var c fileConfig
	if err := readConfigFile(got.ConfigFile, &c); err != nil || c.Relay != "" || c.Lang != "ar" {
		t.Errorf("config file after setting relay to \"\": %+v, %v; want lang only", c, err)
	}
}

func TestConfigErrors(t *testing.T) {
	env := testHome(t)
	bad := with(env, "MOBIO_HOME", t.TempDir())
	if err := os.WriteFile(filepath.Join(bad["MOBIO_HOME"], configFileName), []byte("relai = \"x\"\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	broken := with(env, "MOBIO_HOME", t.TempDir())
	if err := os.WriteFile(filepath.Join(broken["MOBIO_HOME"], configFileName), []byte("lang = \n"), 0o600); err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name    string
		env     map[string]string
		args    []string
		wantErr []string
	}{
		{name: "unknown key in the file names it and the valid keys", env: bad, args: []string{"config", "show"},
			wantErr: []string{`unknown key "relai"`, "relay, lang, passphrase_file"}},
		{name: "a syntax error names the file and line", env: broken, args: []string{"config", "show"},
			wantErr: []string{configFileName, "line 1"}},
		{name: "set of an unknown key", env: env, args: []string{"config", "set", "colour", "blue"},
			wantErr: []string{"unknown configuration key colour", "relay, lang, passphrase_file"}},
		{name: "set of an unknown language", env: env, args: []string{"config", "set", "lang", "tr"},
			wantErr: []string{`unknown language "tr"`, "de, en, ar, fa, fr"}},
		{name: "set of a relay that is no URL", env: env, args: []string{"config", "set", "relay", "ftp://x"},
			wantErr: []string{"https, http, wss or ws"}},
		{name: "unknown MOBIO_LANG", env: with(env, "MOBIO_LANG", "xx"), args: []string{"config", "show"},
			wantErr: []string{`unknown language "xx" in $MOBIO_LANG`}},
		{name: "unknown --lang", env: env, args: []string{"id", "show", "--lang", "xx"},
			wantErr: []string{`unknown language "xx" in --lang`}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, err := mobio(t, tt.env, tt.args...)
			for _, w := range tt.wantErr {
				checkErr(t, tt.args, err, w)
			}
		})
	}
}

func TestRelayURL(t *testing.T) {
	tests := []struct{ in, want string }{
		{"https://relay.example", "wss://relay.example/sync"},
		{"https://relay.example/", "wss://relay.example/sync"},
		{"http://127.0.0.1:8080", "ws://127.0.0.1:8080/sync"},
		{"wss://relay.example/mobio/sync", "wss://relay.example/mobio/sync"},
		{" ws://localhost:9 ", "ws://localhost:9/sync"},
		{"relay.example", ""},
		{"ftp://relay.example", ""},
	}
	for _, tt := range tests {
		got, err := relayURL(tt.in)
		if tt.want == "" {
			if err == nil {
				t.Errorf("relayURL(%q) = %q, want an error", tt.in, got)
			}
			continue
		}
		if err != nil || got != tt.want {
			t.Errorf("relayURL(%q) = %q, %v, want %q", tt.in, got, err, tt.want)
		}
	}
}

// The controller and the data protection officer that consent texts name come from the
// configuration as well as from the environment, the environment winning.
func TestConsentTextsNameTheConfiguredController(t *testing.T) {
	env := with(testHome(t), "MOBIO_CONTROLLER", "", "MOBIO_DPO", "")
	mustMobio(t, env, "config", "set", "controller", "Landratsamt Rhein-Neckar-Kreis, Kurfürsten-Anlage 38, Heidelberg")
	mustMobio(t, env, "config", "set", "dpo", "datenschutz@rhein-neckar-kreis.de")
	out := mustMobio(t, env, "consent", "show", "use", "--lang", "de")
	for _, want := range []string{"Landratsamt Rhein-Neckar-Kreis", "datenschutz@rhein-neckar-kreis.de"} {
		if !strings.Contains(out, want) {
			t.Errorf("consent show does not name %q:\n%s", want, out)
		}
	}
	out = mustMobio(t, with(env, "MOBIO_CONTROLLER", "Stadt Sinsheim"), "consent", "show", "use", "--lang", "de")
	if !strings.Contains(out, "Stadt Sinsheim") {
		t.Errorf("$MOBIO_CONTROLLER does not win over the config file:\n%s", out)
	}
}
