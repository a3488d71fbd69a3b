package consent

import (
	"cmp"
	"crypto/sha256"
	"embed"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"path"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/mobio-sync/mobio/crdt/schema"
)

//go:embed texts
var textFiles embed.FS

// Errors of the text catalogue that callers branch on.
var (
	// ErrUnknownText is returned for a text ID or version that does not exist.
	ErrUnknownText = errors.New("consent: no such consent text")
	// ErrNoOperator is returned by [Text.Render] when the controller or the data protection
	// officer is not configured: a consent text that does not say who is responsible is not
	// informed consent.
	ErrNoOperator = errors.New("consent: the controller and data protection officer are not configured")
)

// languages are the ten consent languages (DOMAIN.md §3.2), German first.
var languages = []string{"de", "en", "ar", "fa", "fr", "tr", "ps", "ti", "kmr", "uk"}

// Reference is the language of the legally binding text and of every fallback.
const Reference = "de"

// Languages returns the ten consent languages as BCP 47 tags, German first.
func Languages() []string { return slices.Clone(languages) }

// IsLanguage reports whether lang is one of the ten consent languages.
func IsLanguage(lang string) bool { return slices.Contains(languages, lang) }

// Direction returns "rtl" for the languages written right to left (ar, fa, ps) and "ltr" for
// the others, as the HTML dir attribute takes it.
func Direction(lang string) string {
	switch lang {
	case "ar", "fa", "ps":
		return "rtl"
	}
	return "ltr"
}

// Script returns the ISO 15924 code of the script lang is written in: "Arab" for ar, fa and
// ps, "Ethi" for ti, "Cyrl" for uk, "Latn" for the others. A UI showing "Ethi" text needs an
// Ethiopic font; the web app's font stack names "Noto Sans Ethiopic".
func Script(lang string) string {
	switch lang {
	case "ar", "fa", "ps":
		return "Arab"
	case "ti":
		return "Ethi"
	case "uk":
		return "Cyrl"
	}
	return "Latn"
}

// Digest returns the digest stored as text_digest for text as shown: "sha256:" and the
// lowercase hex SHA-256 of its UTF-8 bytes.
func Digest(text string) string {
	sum := sha256.Sum256([]byte(text))
	return "sha256:" + hex.EncodeToString(sum[:])
}

// Review is the review state of one language of a text.
type Review string

// Review states.
const (
	ReviewReference Review = "reference" // the German text, legally binding
	ReviewReviewed  Review = "reviewed"  // checked by a human translator
	ReviewDraft     Review = "draft"     // machine-drafted or unchecked: review before use
)

// LangReview is the review state of one language of a text, as its manifest records it.
type LangReview struct {
	Review Review `json:"review"`
	// Reviewer and ReviewedOn (YYYY-MM-DD) name the human translator of a reviewed text.
	Reviewer   string `json:"reviewer,omitempty"`
	ReviewedOn string `json:"reviewed_on,omitempty"`
	Note       string `json:"note,omitempty"`
}

// Meta describes one version of a text.
type Meta struct {
	ID      string
	Version int
	// Purposes are the consent_purpose codes the text is the consent text for.
	Purposes []string
	// Sections are the biography sections (codes of the section list) a consent on this
	// text may cover; a consent's scope defaults to all of them.
	Sections []string
	// Languages maps each language the text exists in to its review state.
	Languages map[string]LangReview
}

// NeedsReview reports whether the text in lang is a draft awaiting a human translator's
// review. A language the text lacks does not need review: German, the reference, is shown.
func (m Meta) NeedsReview(lang string) bool {
	r, ok := m.Languages[lang]
	return ok && r.Review == ReviewDraft
}

// Text is one version of a text in one language, ready to show.
type Text struct {
	ID       string
	Version  int
	Purposes []string
	Sections []string
	// Lang is the language of Body. Requested is the language asked for; when the text does
	// not exist in it, Fallback is true and Lang is German, and the UI says so.
	Lang, Requested string
	Fallback        bool
	Review          LangReview
	Title           string // the first line, without "# "
	// Body is the Markdown text as embedded, with the placeholders {{controller}} and {{dpo}};
	// Render fills them in. Digest is the digest of Body.
	Body   string
	Digest string
}

// NeedsReview reports whether Body is a draft translation awaiting a human translator's review.
func (t Text) NeedsReview() bool { return t.Review.Review == ReviewDraft }

// Operator names who is responsible for the processing, as every text states it.
type Operator struct {
	// Controller is the name and postal address of the controller (Art. 13(1)(a) GDPR),
	// e.g. "Landratsamt Musterkreis, Sozialamt, Hauptstraße 1, 12345 Musterstadt".
	Controller string
	// DPO is how to reach the data protection officer (Art. 13(1)(b)), e.g. an e-mail address.
	DPO string
}

// placeholders are the placeholders texts may contain, each with the Operator field that fills it.
var placeholders = []placeholder{
	{"{{controller}}", func(o Operator) string { return o.Controller }},
	{"{{dpo}}", func(o Operator) string { return o.DPO }},
}

type placeholder struct {
	name  string
	value func(Operator) string
}

func isPlaceholder(s string) bool {
	return slices.ContainsFunc(placeholders, func(p placeholder) bool { return p.name == s })
}

var placeholderRE = regexp.MustCompile(`\{\{[^}]*\}\}`)

// maxOperatorLen bounds an operator value: it is shown inside a legal text on a phone.
const maxOperatorLen = 300

// Render returns Body with the operator's details in place of the placeholders: the exact text
// to show, whose [Digest] a consent records. It fails with ErrNoOperator when a placeholder the
// text uses has no value.
func (t Text) Render(op Operator) (string, error) {
	out := t.Body
	for _, p := range placeholders {
		ph := p.name
		if !strings.Contains(out, ph) {
			continue
		}
		v := strings.Join(strings.Fields(p.value(op)), " ") // one line, whatever was configured
		if v == "" {
			return "", fmt.Errorf("%w: %s is empty", ErrNoOperator, strings.Trim(ph, "{}"))
		}
		if len(v) > maxOperatorLen || strings.Contains(v, "{{") {
			return "", fmt.Errorf("%w: %s is longer than %d bytes or contains {{", ErrNoOperator, strings.Trim(ph, "{}"), maxOperatorLen)
		}
		out = strings.ReplaceAll(out, ph, v)
	}
	return out, nil
}

// Texts returns every version of every text, by ID and then version.
func Texts() []Meta {
	c := loaded()
	out := make([]Meta, 0, len(c.metas))
	for _, m := range c.metas {
		out = append(out, m.clone())
	}
	return out
}

// Latest returns the newest version of text id.
func Latest(id string) (Meta, error) {
	c := loaded()
	var found *Meta
	for i := range c.metas {
		if c.metas[i].ID == id {
			found = &c.metas[i] // metas are sorted: the last one is the newest
		}
	}
	if found == nil {
		return Meta{}, fmt.Errorf("%w: %q", ErrUnknownText, id)
	}
	return found.clone(), nil
}

// TextFor returns the newest version of the text for purpose, a consent_purpose code.
func TextFor(purpose string) (Meta, error) {
	c := loaded()
	id, ok := c.byPurpose[purpose]
	if !ok {
		return Meta{}, fmt.Errorf("%w for purpose %q", ErrUnknownText, purpose)
	}
	return Latest(id)
}

// GetText returns text id at version (0: the newest) in lang. When the text does not exist in
// lang (or lang is not a consent language), it returns the German text with Fallback set.
func GetText(id string, version int, lang string) (Text, error) {
	c := loaded()
	m, err := c.meta(id, version)
	if err != nil {
		return Text{}, err
	}
	requested := strings.ToLower(strings.TrimSpace(lang))
	shown := requested
	if _, ok := m.Languages[shown]; !ok {
		shown = Reference
	}
	body := c.bodies[bodyKey{m.ID, m.Version, shown}]
	title, _, _ := strings.Cut(strings.TrimPrefix(body, "# "), "\n")
	return Text{
		ID: m.ID, Version: m.Version,
		Purposes: slices.Clone(m.Purposes), Sections: slices.Clone(m.Sections),
		Lang: shown, Requested: requested, Fallback: shown != requested,
		Review: m.Languages[shown], Title: title, Body: body, Digest: Digest(body),
	}, nil
}

func (m Meta) clone() Meta {
	m.Purposes = slices.Clone(m.Purposes)
	m.Sections = slices.Clone(m.Sections)
	langs := make(map[string]LangReview, len(m.Languages))
	for k, v := range m.Languages {
		langs[k] = v
	}
	m.Languages = langs
	return m
}

// catalogue is the parsed texts directory.
type catalogue struct {
	metas     []Meta // by ID, then version
	bodies    map[bodyKey]string
	byPurpose map[string]string // purpose → text ID
}

type bodyKey struct {
	id      string
	version int
	lang    string
}

func (c *catalogue) meta(id string, version int) (Meta, error) {
	var found *Meta
	for i := range c.metas {
		m := &c.metas[i]
		if m.ID == id && (version == 0 || m.Version == version) {
			found = m
		}
	}
	if found == nil {
		if version != 0 {
			return Meta{}, fmt.Errorf("%w: %q version %d", ErrUnknownText, id, version)
		}
		return Meta{}, fmt.Errorf("%w: %q", ErrUnknownText, id)
	}
	return *found, nil
}

// loaded parses the embedded texts once. They are part of the binary and a test loads them, so
// malformed texts are a build mistake and panic rather than reach a person.
var loaded = sync.OnceValue(func() *catalogue {
	c, err := load(textFiles, "texts")
	if err != nil {
		panic(err)
	}
	return c
})

var (
	idRE      = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)
	versionRE = regexp.MustCompile(`^v([1-9][0-9]{0,3})$`)
)

// manifest is manifest.json of one text version.
type manifest struct {
	Purposes  []string              `json:"purposes"`
	Sections  []string              `json:"sections"`
	Languages map[string]LangReview `json:"languages"`
}

// load reads and checks the texts under root of fsys.
func load(fsys fs.FS, root string) (*catalogue, error) {
	c := &catalogue{bodies: map[bodyKey]string{}, byPurpose: map[string]string{}}
	cat := schema.Default()
	ids, err := fs.ReadDir(fsys, root)
	if err != nil {
		return nil, fmt.Errorf("consent texts: %w", err)
	}
	for _, idDir := range ids {
		id := idDir.Name()
		if !idDir.IsDir() || !idRE.MatchString(id) {
			return nil, fmt.Errorf("consent texts: %s is not a text directory", id)
		}
		versions, err := fs.ReadDir(fsys, path.Join(root, id))
		if err != nil {
			return nil, fmt.Errorf("consent texts: %w", err)
		}
		for _, vDir := range versions {
			mt := versionRE.FindStringSubmatch(vDir.Name())
			if !vDir.IsDir() || mt == nil {
				return nil, fmt.Errorf("consent texts: %s/%s is not a version directory (v1, v2, …)", id, vDir.Name())
			}
			v, _ := strconv.Atoi(mt[1])
			m, err := loadVersion(c, cat, fsys, path.Join(root, id, vDir.Name()), id, v)
			if err != nil {
				return nil, fmt.Errorf("consent text %s v%d: %w", id, v, err)
			}
			c.metas = append(c.metas, m)
		}
	}
	slices.SortFunc(c.metas, func(a, b Meta) int {
		return cmp.Or(cmp.Compare(a.ID, b.ID), cmp.Compare(a.Version, b.Version))
	})
	for _, m := range c.metas {
		for _, p := range m.Purposes {
			if other, ok := c.byPurpose[p]; ok && other != m.ID {
				return nil, fmt.Errorf("consent texts: purpose %s has two texts, %s and %s", p, other, m.ID)
			}
			c.byPurpose[p] = m.ID
		}
	}
	return c, nil
}

func loadVersion(c *catalogue, cat *schema.Catalogue, fsys fs.FS, dir, id string, version int) (Meta, error) {
	raw, err := fs.ReadFile(fsys, path.Join(dir, "manifest.json"))
	if err != nil {
		return Meta{}, err
	}
	var mf manifest
	dec := json.NewDecoder(strings.NewReader(string(raw)))
	dec.DisallowUnknownFields()
	if err := dec.Decode(&mf); err != nil {
		return Meta{}, fmt.Errorf("manifest.json: %w", err)
	}
	if len(mf.Purposes) == 0 {
		return Meta{}, errors.New("manifest.json names no purpose")
	}
	for _, p := range mf.Purposes {
		if !cat.CodeList("consent_purpose").Has(p) {
			return Meta{}, fmt.Errorf("purpose %q is not in code list consent_purpose", p)
		}
	}
	if len(mf.Sections) == 0 {
		return Meta{}, errors.New("manifest.json names no section")
	}
	for _, s := range mf.Sections {
		if !cat.CodeList("section").Has(s) {
			return Meta{}, fmt.Errorf("section %q is not in code list section", s)
		}
	}
	for lang, r := range mf.Languages {
		if !IsLanguage(lang) {
			return Meta{}, fmt.Errorf("%q is not a consent language", lang)
		}
		switch {
		case (lang == Reference) != (r.Review == ReviewReference):
			return Meta{}, fmt.Errorf("%s is %q: German and only German is the reference", lang, r.Review)
		case r.Review == ReviewReviewed && (r.Reviewer == "" || !dateRE.MatchString(r.ReviewedOn)):
			return Meta{}, fmt.Errorf("%s is reviewed but names no reviewer or no date (YYYY-MM-DD)", lang)
		case r.Review != ReviewReference && r.Review != ReviewReviewed && r.Review != ReviewDraft:
			return Meta{}, fmt.Errorf("%s has review state %q, want reference, reviewed or draft", lang, r.Review)
		}
	}
	if _, ok := mf.Languages[Reference]; !ok {
		return Meta{}, errors.New("no German reference text")
	}
	files, err := fs.ReadDir(fsys, dir)
	if err != nil {
		return Meta{}, err
	}
	for _, f := range files {
		lang, ok := strings.CutSuffix(f.Name(), ".md")
		if f.Name() == "manifest.json" {
			continue
		}
		if _, listed := mf.Languages[lang]; !ok || !listed {
			return Meta{}, fmt.Errorf("%s is not a language listed in manifest.json", f.Name())
		}
	}
	for lang := range mf.Languages {
		b, err := fs.ReadFile(fsys, path.Join(dir, lang+".md"))
		if err != nil {
			return Meta{}, err
		}
		// A checkout that turned line ends into CRLF must not change what is shown or its digest.
		body := strings.ReplaceAll(string(b), "\r\n", "\n")
		if !strings.HasPrefix(body, "# ") {
			return Meta{}, fmt.Errorf("%s.md does not begin with its title (# …)", lang)
		}
		for _, ph := range placeholderRE.FindAllString(body, -1) {
			if !isPlaceholder(ph) {
				return Meta{}, fmt.Errorf("%s.md has the unknown placeholder %s", lang, ph)
			}
		}
		c.bodies[bodyKey{id, version, lang}] = body
	}
	return Meta{ID: id, Version: version, Purposes: mf.Purposes, Sections: mf.Sections, Languages: mf.Languages}, nil
}

var dateRE = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)
