package main

import (
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// fakeTerminal stands in for a person at a terminal who types answers in turn; it records the
// prompts. Tests that use it must not run in parallel.
func fakeTerminal(t *testing.T, answers ...string) *[]string {
	t.Helper()
	var prompts []string
	old := terminalPrompter
	terminalPrompter = func(io.Reader, io.Writer) prompter {
		return func(prompt string, _ bool) ([]byte, error) {
			prompts = append(prompts, prompt)
			if len(answers) == 0 {
				return nil, io.EOF
			}
			a := answers[0]
			answers = answers[1:]
			return []byte(a), nil
		}
	}
	t.Cleanup(func() { terminalPrompter = old })
	return &prompts
}

// noTerminal makes mobio see no terminal on standard input, as in a script, whatever runs the
// tests.
func noTerminal(t *testing.T) {
	t.Helper()
	old := terminalPrompter
	terminalPrompter = func(io.Reader, io.Writer) prompter { return nil }
	t.Cleanup(func() { terminalPrompter = old })
}

func TestPassphraseFromFile(t *testing.T) {
	dir := t.TempDir()
	write := func(name, content string, mode os.FileMode) string {
		p := filepath.Join(dir, name)
		if err := os.WriteFile(p, []byte(content), mode); err != nil {
			t.Fatal(err)
		}
		return p
	}
	tests := []struct {
		name     string
		file     string
		want     string
		wantErr  error
		wantWarn bool
	}{
		{name: "first line only", file: write("a", "first line\nsecond line\n", 0o600), want: "first line"},
		{name: "no newline at the end", file: write("b", "no newline", 0o600), want: "no newline"},
		{name: "CRLF line ending", file: write("c", "windows\r\n", 0o600), want: "windows"},
		{name: "spaces are part of the passphrase", file: write("d", " spaced words \n", 0o600), want: " spaced words "},
		{name: "empty first line is refused", file: write("e", "\nsecond\n", 0o600), wantErr: errNoPassphrase},
		{name: "a missing file is an error", file: filepath.Join(dir, "missing"), wantErr: os.ErrNotExist},
		{name: "a file others can read gives a warning", file: write("f", "readable\n", 0o644), want: "readable", wantWarn: true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var errOut strings.Builder
			a := &app{Stdout: io.Discard, Stderr: &errOut, Getenv: func(string) string { return "" }}
			got, err := a.passphrase(&settings{Lang: "en", PassphraseFile: tt.file}, passUnlock)
			switch {
			case tt.wantErr != nil && !errors.Is(err, tt.wantErr):
				t.Fatalf("passphrase() error %v, want %v", err, tt.wantErr)
			case tt.wantErr == nil && err != nil:
				t.Fatalf("passphrase(): %v", err)
			case string(got) != tt.want:
				t.Errorf("passphrase() = %q, want %q", got, tt.want)
			}
			if warned := strings.Contains(errOut.String(), "chmod 600"); warned != tt.wantWarn {
				t.Errorf("warning printed: %v (%q), want %v", warned, errOut.String(), tt.wantWarn)
			}
		})
	}
}

func TestPassphraseWithoutTerminalOrFileSaysHowToGiveOne(t *testing.T) {
	home := testHome(t)
	mustMobio(t, home, "id", "new")
	env := with(home, "MOBIO_PASSPHRASE_FILE", "")
	noTerminal(t)
	for _, args := range [][]string{{"id", "new", "--force"}, {"id", "export"}, {"bio", "list"}} {
		_, _, err := mobio(t, env, args...)
		if !errors.Is(err, errNoPassphrase) {
			t.Fatalf("mobio %s without a terminal: %v, want errNoPassphrase", strings.Join(args, " "), err)
		}
		for _, want := range []string{"--passphrase-file", "MOBIO_PASSPHRASE_FILE", "not a terminal"} {
			if !strings.Contains(err.Error(), want) {
				t.Errorf("mobio %s: error %q does not mention %s", strings.Join(args, " "), err, want)
			}
		}
	}
}

func TestPassphrasePromptOnTerminal(t *testing.T) {
	tests := []struct {
		name        string
		args        []string
		answers     []string
		wantPrompts []string
		wantErr     error
	}{
		{name: "a new identity asks twice", args: []string{"id", "new"},
			answers: []string{testPassphrase, testPassphrase}, wantPrompts: []string{"New passphrase: ", "Passphrase again: "}},
		{name: "two different passphrases create nothing", args: []string{"id", "new"},
			answers: []string{testPassphrase, testPassphrase + "x"}, wantPrompts: []string{"New passphrase: ", "Passphrase again: "},
			wantErr: errPassphraseMismatch},
		{name: "a short passphrase is refused", args: []string{"id", "new"},
			answers: []string{"short", "short"}, wantPrompts: []string{"New passphrase: ", "Passphrase again: "},
			wantErr: errWeakPassphrase},
		{name: "prompts are in the configured language", args: []string{"id", "new", "--lang", "fr"},
			answers: []string{testPassphrase, testPassphrase}, wantPrompts: []string{"Nouvelle phrase secrète : ", "Répétez la phrase secrète : "}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			env := with(testHome(t), "MOBIO_PASSPHRASE_FILE", "")
			prompts := fakeTerminal(t, tt.answers...)
			_, _, err := mobio(t, env, tt.args...)
			if !errors.Is(err, tt.wantErr) {
				t.Fatalf("mobio %s: %v, want %v", strings.Join(tt.args, " "), err, tt.wantErr)
			}
			if strings.Join(*prompts, "|") != strings.Join(tt.wantPrompts, "|") {
				t.Errorf("prompts %q, want %q", *prompts, tt.wantPrompts)
			}
			_, statErr := os.Stat(filepath.Join(env["MOBIO_HOME"], identityFileName))
			if created := statErr == nil; created != (tt.wantErr == nil) {
				t.Errorf("identity file created: %v, want %v", created, tt.wantErr == nil)
			}
		})
	}

	// The identity made on the terminal opens with the same passphrase, asked once.
	env := with(testHome(t), "MOBIO_PASSPHRASE_FILE", "")
	fakeTerminal(t, testPassphrase, testPassphrase)
	mustMobio(t, env, "id", "new")
	prompts := fakeTerminal(t, testPassphrase)
	mustMobio(t, env, "bio", "list")
	if len(*prompts) != 1 || (*prompts)[0] != "Passphrase: " {
		t.Errorf("bio list prompted %q, want one \"Passphrase: \"", *prompts)
	}
}
