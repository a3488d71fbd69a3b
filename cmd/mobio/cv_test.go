package main

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// cvHome returns a home with one biography of a person with an Arabic name, and its ID.
func cvHome(t *testing.T) (map[string]string, string) {
	t.Helper()
	env, doc := bioHome(t)
	for _, kv := range [][2]string{
		{"person.family_names", "Ahmad"}, {"person.given_names", "Mohammed"},
		{"person.date_of_birth", "1990-05-17"}, {"person.nationalities", "SY"},
		{"residence.work_permission", "ERWERBSTAETIGKEIT_GESTATTET"},
		{"languages.german_level", "B1"}, {"residence.residence_status", "GESTATTUNG"},
	} {
		mustMobio(t, env, "bio", "set", doc, kv[0], kv[1])
	}
	mustMobio(t, env, "bio", "add", doc, "work.jobs", "job_title=Koch", "start=2015-03", "end=2019-08", "country=SY")
	return env, doc
}

func TestCVWritesPDFNamedAfterTheFamilyName(t *testing.T) {
	env, doc := cvHome(t)
	dir := t.TempDir()
	t.Chdir(dir)
	_, errOut, err := mobio(t, env, "cv", doc)
	if err != nil {
		t.Fatalf("mobio cv: %v\n%s", err, errOut)
	}
	file := filepath.Join(dir, "Lebenslauf-Ahmad.pdf")
	pdf, err := os.ReadFile(file)
	if err != nil {
		t.Fatalf("mobio cv wrote no Lebenslauf-Ahmad.pdf: %v", err)
	}
	if !bytes.HasPrefix(pdf, []byte("%PDF-")) || !bytes.Contains(pdf, []byte("/FontFile2")) {
		t.Errorf("Lebenslauf-Ahmad.pdf is not a PDF with an embedded font")
	}
	if fi, _ := os.Stat(file); fi.Mode().Perm() != 0o600 {
		t.Errorf("the CV is readable by others: mode %v", fi.Mode().Perm())
	}
	for _, want := range []string{"CV written: Lebenslauf-Ahmad.pdf", "Left out: date of birth, nationality, work permission", "--with-birth-date --with-nationality --with-work-permission"} {
		if !strings.Contains(errOut, want) {
			t.Errorf("stderr lacks %q:\n%s", want, errOut)
		}
	}

	_, _, err = mobio(t, env, "cv", doc)
	if !errors.Is(err, os.ErrExist) || !strings.Contains(err.Error(), "--force") {
		t.Errorf("a second mobio cv = %v, want a refusal naming --force", err)
	}
	if _, errOut, err := mobio(t, env, "cv", doc, "--force"); err != nil {
		t.Errorf("mobio cv --force: %v\n%s", err, errOut)
	}
}

func TestCVOptionsAndFormats(t *testing.T) {
	env, doc := cvHome(t)
	tests := []struct {
		name string
		args []string
		want []string
		not  []string
	}{
		{name: "the HTML CV for an employer has neither birth date, nationality nor work permission",
			args: []string{"--format", "html", "-o", "-"},
			want: []string{`<html lang="de" dir="ltr">`, "Mohammed Ahmad", "Koch", "03/2015 – 08/2019", "B1 – Fortgeschrittene Sprachverwendung"},
			not:  []string{"17.05.1990", "Staatsangehörigkeit", "Arbeitserlaubnis", "Aufenthaltsgestattung"}},
		{name: "the person may include birth date, nationality and work permission",
			args: []string{"--format", "html", "-o", "-", "--with-birth-date", "--with-nationality", "--with-work-permission"},
			want: []string{"17.05.1990", "Syrien", "ja – Erwerbstätigkeit erlaubt"},
			not:  []string{"Aufenthaltsgestattung"}},
		{name: "PDF to standard output", args: []string{"-o", "-"}, want: []string{"%PDF-"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			out := mustMobio(t, env, append([]string{"cv", doc}, tt.args...)...)
			for _, w := range tt.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q", w)
				}
			}
			for _, n := range tt.not {
				if strings.Contains(out, n) {
					t.Errorf("output contains %q", n)
				}
			}
		})
	}
	if _, _, err := mobio(t, env, "cv", doc, "--format", "docx"); err == nil || !strings.Contains(err.Error(), "pdf or html") {
		t.Errorf("mobio cv --format docx = %v, want a usage error", err)
	}
}

func TestCVFileName(t *testing.T) {
	tests := []struct{ family, ext, want string }{
		{"Ahmad", "pdf", "Lebenslauf-Ahmad.pdf"},
		{"Müller-Lüdenscheidt", "html", "Lebenslauf-Müller-Lüdenscheidt.html"},
		{"Al Hassan", "pdf", "Lebenslauf-Al-Hassan.pdf"},
		{"../../etc/passwd", "pdf", "Lebenslauf-etcpasswd.pdf"},
		{"رضایی", "pdf", "Lebenslauf-رضایی.pdf"},
		{"", "pdf", "Lebenslauf.pdf"},
	}
	for _, tt := range tests {
		if got := cvFileName(tt.family, tt.ext); got != tt.want {
			t.Errorf("cvFileName(%q, %q) = %q, want %q", tt.family, tt.ext, got, tt.want)
		}
	}
}
