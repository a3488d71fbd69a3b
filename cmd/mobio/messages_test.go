package main

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/mobio-sync/mobio/crdt/schema"
)

// verb matches the formatting verbs messages may use: %v, or %[n]v.
var verb = regexp.MustCompile(`%(\[(\d+)\])?[a-z]`)

// argCount returns how many arguments format takes.
func argCount(format string) int {
	n, next := 0, 0
	for _, m := range verb.FindAllStringSubmatch(strings.ReplaceAll(format, "%%", ""), -1) {
		if m[2] != "" {
			next, _ = strconv.Atoi(m[2])
		} else {
			next++
		}
		n = max(n, next)
	}
	return n
}

func TestMessagesHaveEveryLanguageAndArgument(t *testing.T) {
	for _, r := range messageRanges {
		checkMessages(t, r.first, r.end)
	}
}

func checkMessages(t *testing.T, first, end msgID) {
	t.Helper()
	for id := first; id < end; id++ {
		text, ok := messages[id]
		if !ok {
			t.Errorf("message %d is missing from the catalogue", id)
			continue
		}
		n := argCount(text.En)
		args := make([]any, n)
		for i := range args {
			args[i] = fmt.Sprintf("«arg%d»", i+1)
		}
		for _, lang := range schema.Languages {
			format := text.Map()[lang]
			if format == "" {
				t.Errorf("message %d (%q) has no %s text", id, text.En, lang)
				continue
			}
			if strings.Contains(format, "%v") && strings.Contains(format, "%[") {
				t.Errorf("message %d in %s mixes %%v and %%[n]v: %q", id, lang, format)
			}
			got := msg(lang, id, args...)
			if strings.Contains(got, "%!") {
				t.Errorf("message %d in %s formats badly: %q", id, lang, got)
			}
			for _, a := range args {
				if !strings.Contains(got, a.(string)) {
					t.Errorf("message %d in %s leaves out %s: %q", id, lang, a, got)
				}
			}
		}
	}
}

func TestMessageCatalogueHasNoStrays(t *testing.T) {
	n := 0
	for _, r := range messageRanges {
		n += int(r.end - r.first)
	}
	if len(messages) != n {
		t.Errorf("the catalogue has %d messages, the constants name %d", len(messages), n)
	}
}
