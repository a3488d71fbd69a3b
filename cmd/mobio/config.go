package main

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"

	"github.com/BurntSushi/toml"
	"github.com/mobio-sync/mobio/casework/translate"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/spf13/cobra"
	"github.com/spf13/pflag"
)

// The files of a mobio home. With --home or $MOBIO_HOME they all live in that one directory;
// otherwise config and identity live in the XDG config directory and the database in the XDG
// data directory.
const (
	configFileName   = "config.toml"
	identityFileName = "identity.mobio"
	publicFileName   = "identity.pub"
	localDBName      = "mobio.db"
)

// Configuration keys, as written in config.toml and named by `mobio config set`.
const (
	keyRelay          = "relay"
	keyLang           = "lang"
	keyPassphraseFile = "passphrase_file"
	keyTranslateURL   = "translate_url"
	keyTranslateKey   = "translate_key_file"
	keyController     = "controller"
	keyDPO            = "dpo"
)

var configKeys = []string{keyRelay, keyLang, keyPassphraseFile, keyTranslateURL, keyTranslateKey, keyController, keyDPO}

// fileConfig is the content of config.toml. TOML, because people edit the file by hand: it
// takes comments, and its parser names the line of a mistake.
type fileConfig struct {
	Relay          string `toml:"relay,omitempty"`
	Lang           string `toml:"lang,omitempty"`
	PassphraseFile string `toml:"passphrase_file,omitempty"`
	TranslateURL   string `toml:"translate_url,omitempty"`
	TranslateKey   string `toml:"translate_key_file,omitempty"`
	Controller     string `toml:"controller,omitempty"`
	DPO            string `toml:"dpo,omitempty"`
}

func (c *fileConfig) field(key string) *string {
	switch key {
	case keyRelay:
		return &c.Relay
	case keyLang:
		return &c.Lang
	case keyPassphraseFile:
		return &c.PassphraseFile
	case keyTranslateURL:
		return &c.TranslateURL
	case keyTranslateKey:
		return &c.TranslateKey
	case keyController:
		return &c.Controller
	case keyDPO:
		return &c.DPO
	}
	return nil
}

// homeFlags are the flags of the commands that use this device's identity, documents and
// configuration. They are persistent flags of id, bio and config, so that they may stand
// anywhere on the command line after the group's name.
type homeFlags struct {
	home, relay, lang, passphraseFile string
}

func (f *homeFlags) register(fs *pflag.FlagSet) {
	fs.StringVar(&f.home, "home", "", "keep configuration, identity and documents in `DIR` ($MOBIO_HOME;\ndefault: $XDG_CONFIG_HOME/mobio and $XDG_DATA_HOME/mobio)")
	fs.StringVar(&f.relay, "relay", "", "relay `URL`, such as https://relay.example ($MOBIO_RELAY; config key relay)")
	fs.StringVar(&f.lang, "lang", "", "language of labels and messages: de, en, ar, fa or fr ($MOBIO_LANG;\nconfig key lang; default: the language of $LANG if it is one of these, else de)")
	fs.StringVar(&f.passphraseFile, "passphrase-file", "", "read the passphrase from the first line of `FILE` instead of asking\n($MOBIO_PASSPHRASE_FILE; config key passphrase_file)")
}

// settings are the configuration in force for one command: each value comes from a flag, else
// the environment, else the config file, else its default.
type settings struct {
	ConfigDir string // holds config.toml and the sealed identity
	DataDir   string // holds the local database

	Relay          string // WebSocket URL of the relay, normalised; "" for none
	Lang           string // one of schema.Languages
	PassphraseFile string // "" to ask on the terminal
	// TranslateURL is the machine translation service (LibreTranslate API) the operator runs;
	// "" for none. TranslateKeyFile holds its API key, which is never printed.
	TranslateURL, TranslateKeyFile string
	// Controller and DPO are who the consent texts name as responsible for the data and as
	// data protection officer; without them no consent is recorded.
	Controller, DPO string

	file   fileConfig        // as read from config.toml
	source map[string]string // key → "flag", "env", "file" or "default"
}

func (s *settings) configFile() string   { return filepath.Join(s.ConfigDir, configFileName) }
func (s *settings) identityFile() string { return filepath.Join(s.ConfigDir, identityFileName) }
func (s *settings) publicFile() string   { return filepath.Join(s.ConfigDir, publicFileName) }
func (s *settings) dbFile() string       { return filepath.Join(s.DataDir, localDBName) }

// loadSettings resolves the configuration for f. Its errors are in English or in the
// language of a valid --lang or $MOBIO_LANG: the configured language may be what is wrong.
func (a *app) loadSettings(f *homeFlags) (*settings, error) {
	s := &settings{source: map[string]string{}}
	var err error
	if s.ConfigDir, s.DataDir, err = a.homeDirs(f); err != nil {
		return nil, err
	}
	if err := readConfigFile(s.configFile(), &s.file); err != nil {
		return nil, err
	}

	pick := func(key, flag, env string) (string, string) {
		switch {
		case flag != "":
			s.source[key] = "flag"
			return flag, "--" + strings.ReplaceAll(key, "_", "-")
		case a.Getenv(env) != "":
			s.source[key] = "env"
			return a.Getenv(env), "$" + env
		case *s.file.field(key) != "":
			s.source[key] = "file"
			return *s.file.field(key), key + " in " + s.configFile()
		}
		s.source[key] = "default"
		return "", ""
	}

	v, where := pick(keyLang, f.lang, "MOBIO_LANG")
	if v == "" {
		v = "de"
		if l := baseLanguage(a.Getenv("LANG")); slices.Contains(schema.Languages, l) {
			v = l
		}
	}
	l, err := checkLanguage(v, where)
	if err != nil {
		return nil, err
	}
	s.Lang = l

	v, where = pick(keyRelay, f.relay, "MOBIO_RELAY")
	if v != "" {
		u, err := relayURL(v)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", where, err)
		}
		s.Relay = u
	}

	v, _ = pick(keyPassphraseFile, f.passphraseFile, "MOBIO_PASSPHRASE_FILE")
	if v != "" && s.source[keyPassphraseFile] == "file" && !filepath.IsAbs(v) {
		// A path in the config file is relative to the file, not to wherever mobio runs.
		v = filepath.Join(s.ConfigDir, v)
	}
	s.PassphraseFile = v

	s.TranslateURL, _ = pick(keyTranslateURL, "", "MOBIO_TRANSLATE_URL")
	v, _ = pick(keyTranslateKey, "", "MOBIO_TRANSLATE_KEY_FILE")
	if v != "" && s.source[keyTranslateKey] == "file" && !filepath.IsAbs(v) {
		v = filepath.Join(s.ConfigDir, v)
	}
	s.TranslateKeyFile = v
	s.Controller, _ = pick(keyController, "", "MOBIO_CONTROLLER")
	s.DPO, _ = pick(keyDPO, "", "MOBIO_DPO")
	return s, nil
}

// homeDirs returns the configuration and data directories: --home or $MOBIO_HOME for both,
// else the XDG directories.
func (a *app) homeDirs(f *homeFlags) (config, data string, err error) {
	home, from := f.home, "--home"
	if home == "" {
		home, from = a.Getenv("MOBIO_HOME"), "$MOBIO_HOME"
	}
	if home != "" {
		abs, err := filepath.Abs(home)
		if err != nil {
			return "", "", fmt.Errorf("%s %s: %w", from, home, err)
		}
		return abs, abs, nil
	}
	if config, data, err = a.xdgDirs(); err != nil {
		return "", "", errors.New(msg(a.fallbackLang(f), msgNoHome))
	}
	return config, data, nil
}

// fallbackLang is the language of errors found while the settings are read: a valid --lang
// or $MOBIO_LANG, else English.
func (a *app) fallbackLang(f *homeFlags) string {
	for _, v := range []string{f.lang, a.Getenv("MOBIO_LANG")} {
		if l := baseLanguage(v); slices.Contains(schema.Languages, l) {
			return l
		}
	}
	return "en"
}

// xdgDirs returns the configuration and data directories of the XDG Base Directory
// specification. Relative XDG_* values are ignored, as the specification demands.
func (a *app) xdgDirs() (config, data string, err error) {
	home := a.Getenv("HOME")
	if home == "" {
		if home, err = os.UserHomeDir(); err != nil {
			return "", "", err
		}
	}
	config = filepath.Join(home, ".config")
	if d := a.Getenv("XDG_CONFIG_HOME"); filepath.IsAbs(d) {
		config = d
	}
	data = filepath.Join(home, ".local", "share")
	if d := a.Getenv("XDG_DATA_HOME"); filepath.IsAbs(d) {
		data = d
	}
	return filepath.Join(config, "mobio"), filepath.Join(data, "mobio"), nil
}

// readConfigFile reads name into c; a missing file is an empty configuration.
func readConfigFile(name string, c *fileConfig) error {
	b, err := os.ReadFile(name)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return fmt.Errorf("read configuration: %w", err)
	}
	md, err := toml.Decode(string(b), c)
	if err != nil {
		return fmt.Errorf("configuration %s: %w", name, err)
	}
	if u := md.Undecoded(); len(u) > 0 {
		return fmt.Errorf("configuration %s: unknown key %q; valid keys: %s", name, u[0].String(), strings.Join(configKeys, ", "))
	}
	return nil
}

// writeConfigFile replaces the config file name with c.
func writeConfigFile(name string, c fileConfig) error {
	var buf bytes.Buffer
	buf.WriteString("# mobio configuration; see `mobio config --help`.\n")
	buf.WriteString("# Flags and MOBIO_* environment variables override these values.\n\n")
	if err := toml.NewEncoder(&buf).Encode(c); err != nil {
		return fmt.Errorf("encode configuration: %w", err)
	}
	if err := os.MkdirAll(filepath.Dir(name), 0o700); err != nil {
		return fmt.Errorf("create configuration directory: %w", err)
	}
	return writePrivateFile(name, buf.Bytes())
}

// relayURL turns what a person gives as the relay's address into the WebSocket URL of its
// sync endpoint: "https://relay.example" becomes "wss://relay.example/sync", and
// "http://127.0.0.1:8080" becomes "ws://127.0.0.1:8080/sync". ws and wss URLs are kept, with
// /sync added when they have no path.
func relayURL(s string) (string, error) {
	u, err := url.Parse(strings.TrimSpace(s))
	if err != nil || u.Host == "" {
		return "", fmt.Errorf("relay %q is not a URL such as https://relay.example", s)
	}
	switch u.Scheme {
	case "https":
		u.Scheme = "wss"
	case "http":
		u.Scheme = "ws"
	case "ws", "wss":
	default:
		return "", fmt.Errorf("relay %q: want an https, http, wss or ws URL", s)
	}
	if u.Path == "" || u.Path == "/" {
		u.Path = "/sync"
	}
	u.RawQuery, u.Fragment = "", ""
	return u.String(), nil
}

func newConfigCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	cmd := &cobra.Command{
		Use:   "config",
		Short: "Show or change this device's configuration",
		Long: `mobio keeps its configuration in config.toml, beside the sealed identity: in --home DIR or
$MOBIO_HOME when set, else in $XDG_CONFIG_HOME/mobio (~/.config/mobio). The local database
lives in the same DIR, else in $XDG_DATA_HOME/mobio (~/.local/share/mobio).

Keys:
  relay            the relay's URL, such as https://relay.example   ($MOBIO_RELAY, --relay)
  lang             de, en, ar, fa or fr                            ($MOBIO_LANG, --lang)
  passphrase_file  a file whose first line is the passphrase        ($MOBIO_PASSPHRASE_FILE,
                   (relative to the configuration directory)         --passphrase-file)

A flag wins over the environment, which wins over the file. A passphrase is never given as a
flag's value: it would show in the shell's history and the process list.`,
		Args: cobra.NoArgs,
	}
	f.register(cmd.PersistentFlags())
	cmd.AddCommand(newConfigShowCmd(a, f), newConfigSetCmd(a, f))
	return cmd
}

// configShowJSON is what `mobio config show --json` prints.
type configShowJSON struct {
	ConfigFile     string            `json:"config_file"`
	IdentityFile   string            `json:"identity_file"`
	Database       string            `json:"database"`
	Relay          string            `json:"relay"`
	Lang           string            `json:"lang"`
	PassphraseFile string            `json:"passphrase_file"`
	TranslateURL   string            `json:"translate_url"`
	TranslateKey   string            `json:"translate_key_file"`
	Controller     string            `json:"controller"`
	DPO            string            `json:"dpo"`
	Source         map[string]string `json:"source"`
}

func newConfigShowCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:   "show",
		Short: "Print the configuration in force, where each value comes from, and the files",
		Args:  cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.loadSettings(f)
			if err != nil {
				return err
			}
			out := configShowJSON{
				ConfigFile: s.configFile(), IdentityFile: s.identityFile(), Database: s.dbFile(),
				Relay: s.Relay, Lang: s.Lang, PassphraseFile: s.PassphraseFile, Source: s.source,
				TranslateURL: s.TranslateURL, TranslateKey: s.TranslateKeyFile,
				Controller: s.Controller, DPO: s.DPO,
			}
			if asJSON {
				return writeJSON(a.Stdout, out)
			}
			tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
			for _, k := range configKeys {
				v := map[string]string{keyRelay: s.Relay, keyLang: s.Lang, keyPassphraseFile: s.PassphraseFile,
					keyTranslateURL: s.TranslateURL, keyTranslateKey: s.TranslateKeyFile,
					keyController: s.Controller, keyDPO: s.DPO}[k]
				if v == "" {
					v = "-"
				}
				fmt.Fprintf(tw, "%s\t%s\t(%s)\n", k, v, s.source[k])
			}
			fmt.Fprintf(tw, "config file\t%s\t\n", s.configFile())
			fmt.Fprintf(tw, "identity\t%s\t\n", s.identityFile())
			fmt.Fprintf(tw, "database\t%s\t\n", s.dbFile())
			return tw.Flush()
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

func newConfigSetCmd(a *app, f *homeFlags) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "set KEY VALUE",
		Short: "Write one value to config.toml; an empty VALUE removes the key",
		Example: `  mobio config set relay https://relay.example
  mobio config set lang ar
  mobio config set passphrase_file ""`,
		Args: cobra.ExactArgs(2),
		ValidArgsFunction: func(cmd *cobra.Command, args []string, toComplete string) ([]cobra.Completion, cobra.ShellCompDirective) {
			if len(args) == 0 {
				return configKeys, cobra.ShellCompDirectiveNoFileComp
			}
			return nil, cobra.ShellCompDirectiveDefault
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			s, err := a.loadSettings(f)
			if err != nil {
				return err
			}
			key, value := args[0], strings.TrimSpace(args[1])
			c := s.file
			p := c.field(key)
			if p == nil {
				return fmt.Errorf("%s", msg(s.Lang, msgConfigUnknownKey, key, strings.Join(configKeys, ", ")))
			}
			switch {
			case value == "":
			case key == keyLang:
				if value, err = checkLanguage(value, "lang"); err != nil {
					return err
				}
			case key == keyRelay:
				if _, err := relayURL(value); err != nil {
					return err
				}
			case key == keyTranslateURL:
				if _, err := translate.NewLibreTranslate(value, "", nil); err != nil {
					return err
				}
			}
			*p = value
			if err := writeConfigFile(s.configFile(), c); err != nil {
				return err
			}
			_, err = fmt.Fprintln(a.Stdout, msg(s.Lang, msgConfigWritten, key, s.configFile()))
			return err
		},
	}
	return cmd
}

// writePrivateFile replaces name with data readable by its owner only, atomically: a reader
// sees the old content or the new, never a part.
func writePrivateFile(name string, data []byte) (err error) {
	f, err := os.CreateTemp(filepath.Dir(name), "."+filepath.Base(name)+".*.tmp") // mode 0600
	if err != nil {
		return err
	}
	defer func() {
		if err != nil {
			f.Close()
			os.Remove(f.Name())
		}
	}()
	if _, err := f.Write(data); err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		return err
	}
	if err := f.Close(); err != nil {
		return err
	}
	if err := os.Rename(f.Name(), name); err != nil {
		return err
	}
	if d, err := os.Open(filepath.Dir(name)); err == nil { // make the rename durable, where possible
		d.Sync()
		d.Close()
	}
	return nil
}
