package main

import (
	"bytes"
	"strings"
	"testing"
)

// mobio runs the command line args in-process with the environment env and returns what it
// printed and its error.
func mobio(t *testing.T, env map[string]string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	return mobioIn(t, env, "", args...)
}

// mobioIn is mobio with stdin as standard input.
func mobioIn(t *testing.T, env map[string]string, stdin string, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	if env == nil { // not the configuration of whoever runs the tests
		env = map[string]string{"HOME": t.TempDir()}
	}
	var out, errOut bytes.Buffer
	a := &app{
		Stdin:   strings.NewReader(stdin),
		Stdout:  &out,
		Stderr:  &errOut,
		Getenv:  func(key string) string { return env[key] },
		Version: "v0.0.0-test",
	}
	err = a.execute(t.Context(), args)
	return out.String(), errOut.String(), err
}

func TestRoot(t *testing.T) {
	tests := []struct {
		name    string
		args    []string
		want    []string // substrings of stdout
		wantErr string   // substring of the error; "" for success
	}{
		{name: "help names what mobio is and its commands", args: []string{"--help"},
			want: []string{"biography of a newcomer", "ciphertext only", "schema", "version", "completion"}},
		{name: "completion script for bash", args: []string{"completion", "bash"}, want: []string{"bash completion"}},
		{name: "unknown command fails", args: []string{"frobnicate"}, wantErr: `unknown command "frobnicate"`},
		{name: "unknown flag fails", args: []string{"version", "--frob"}, wantErr: "unknown flag: --frob"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out, _, err := mobio(t, nil, tt.args...)
			checkErr(t, tt.args, err, tt.wantErr)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("mobio %s printed\n%s\nwant it to contain %q", strings.Join(tt.args, " "), out, w)
				}
			}
		})
	}
}

func TestRunReportsErrorsWithExitCode(t *testing.T) {
	var out, errOut bytes.Buffer
	a := &app{Stdout: &out, Stderr: &errOut, Getenv: func(string) string { return "" }, Version: "dev"}
	if code := a.run(t.Context(), []string{"frobnicate"}); code != 1 {
		t.Errorf("run(frobnicate) = %d, want 1", code)
	}
	if got := errOut.String(); !strings.HasPrefix(got, "mobio: unknown command") {
		t.Errorf("run(frobnicate) printed %q on stderr, want it to start with %q", got, "mobio: unknown command")
	}
	errOut.Reset()
	if code := a.run(t.Context(), []string{"schema", "show", "--frob"}); code != 1 {
		t.Errorf("run(schema show --frob) = %d, want 1", code)
	}
	if got, want := errOut.String(), "mobio: unknown flag: --frob\nRun 'mobio schema show --help' for usage.\n"; got != want {
		t.Errorf("run(schema show --frob) printed %q on stderr, want %q", got, want)
	}
	if code := a.run(t.Context(), []string{"version"}); code != 0 {
		t.Errorf("run(version) = %d, want 0", code)
	}
}

func checkErr(t *testing.T, args []string, err error, want string) {
	t.Helper()
	switch {
	case want == "" && err != nil:
		t.Fatalf("mobio %s: %v", strings.Join(args, " "), err)
	case want != "" && err == nil:
		t.Fatalf("mobio %s succeeded, want an error containing %q", strings.Join(args, " "), want)
	case want != "" && !strings.Contains(err.Error(), want):
		t.Fatalf("mobio %s: error %q, want it to contain %q", strings.Join(args, " "), err, want)
	}
}
