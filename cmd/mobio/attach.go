package main

import (
	"bytes"
	"context"
	"encoding/hex"
	"errors"
	"fmt"
	"io"
	"mime"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/mobio-sync/mobio/client"
	"github.com/mobio-sync/mobio/crdt"
	"github.com/mobio-sync/mobio/crdt/schema"
	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
	"github.com/spf13/cobra"
)

// filesList is the list of a biography's files (schema section K, documents).
const filesList = "documents.files"

func newAttachCmd(a *app) *cobra.Command {
	f := &homeFlags{}
	cmd := &cobra.Command{
		Use:   "attach",
		Short: "Attach encrypted files to a biography, list them and get them back",
		Long: `Attach files (a passport scan, a certificate, a CV) to a biography. Each file is encrypted on
this device with a key of its own, which is kept inside the biography (so only its members
can open the file), and uploaded to the relay, which stores ciphertext only. A file
attached offline is kept on this device and uploaded by the next mobio sync.

Each file is an entry of the biography's documents.files list: mobio bio set and mobio bio
show work on its other fields (issuer, valid_until, original_seen, …).`,
		Example: `  mobio attach add amina passport.pdf --type Pass --title "Passport, Syria"
  mobio attach ls amina
  mobio attach get amina k3x9 -o passport.pdf`,
		Args: cobra.NoArgs,
	}
	f.register(cmd.PersistentFlags())
	cmd.AddCommand(newAttachAddCmd(a, f), newAttachListCmd(a, f), newAttachGetCmd(a, f))
	return cmd
}

// mediaType guesses a file's MIME type from its name, else from its first bytes.
func mediaType(name string, head []byte) string {
	if t := mime.TypeByExtension(strings.ToLower(filepath.Ext(name))); t != "" {
		if mt, _, err := mime.ParseMediaType(t); err == nil {
			return mt
		}
	}
	mt, _, _ := mime.ParseMediaType(http.DetectContentType(head))
	return mt
}

// attachJSON is what `mobio attach add --json` prints.
type attachJSON struct {
	ID       string `json:"id"`
	Path     string `json:"path"`
	BlobID   string `json:"blob_id"`
	Size     int64  `json:"size"`
	Uploaded bool   `json:"uploaded"`
}

func newAttachAddCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		title, typ string
		asJSON     bool
	)
	cmd := &cobra.Command{
		Use:   "add DOC FILE",
		Short: "Encrypt FILE, attach it to the biography and upload it; print the entry's ID",
		Long: `Add a documents.files entry for FILE (its name, format and --title, and its --type from the
code list document_type: mobio schema codes document_type), encrypt FILE with a new key kept
in the entry, store the ciphertext on this device and upload it to the relay, with a
progress bar on a terminal. Offline, or without a relay, the upload waits for the next
mobio sync. Files are limited to 100 MiB.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return a.withSession(ctx, f, func(x *session) error {
				file, err := os.Open(args[1])
				if err != nil {
					return newUserError(err, x.Lang, msgFileUnreadable, args[1], err)
				}
				defer file.Close()
				fi, err := file.Stat()
				switch {
				case err != nil:
					return newUserError(err, x.Lang, msgFileUnreadable, args[1], err)
				case !fi.Mode().IsRegular():
					return newUserError(errNoFile, x.Lang, msgNotRegularFile, args[1])
				case fi.Size() > client.MaxAttachmentBytes:
					return newUserError(errFileTooLarge, x.Lang, msgFileTooLarge, args[1], client.MaxAttachmentBytes>>20)
				}
				head := make([]byte, 512)
				n, _ := io.ReadFull(file, head)
				if _, err := file.Seek(0, io.SeekStart); err != nil {
					return fmt.Errorf("read %s: %w", args[1], err)
				}
				name := filepath.Base(args[1])
				d, err := x.resolveDoc(ctx, args[0])
				if err != nil {
					return err
				}

				// The entry comes first: the file's encryption is bound to the entry's ID.
				var entry string
				err = x.edit(ctx, d.ID, "attach a file", func(b *crdt.Biography) error {
					p, err := x.provenance(b, editFlags{})
					if err != nil {
						return err
					}
					if entry, err = b.AddEntry(filesList); err != nil {
						return fmt.Errorf("add to %s: %w", filesList, err)
					}
					set := func(key, value string) error {
						if value == "" {
							return nil
						}
						return setEntryField(b, x.Lang, entry, key, value, p)
					}
					return errors.Join(
						set("title", title), set("type", typ), set("file_name", name),
						set("media_type", mediaType(name, head[:n])))
				})
				if err != nil {
					return err
				}
				progress, end := a.progressBar(msg(x.Lang, msgUploading))
				att, aerr := x.c.Attach(ctx, d.ID, entry, file, progress)
				end()
				if att.ID.IsZero() { // nothing stored: the entry has no file to name
					rerr := x.edit(ctx, d.ID, "remove a file entry", func(b *crdt.Biography) error {
						return b.RemoveEntry(filesList, entry)
					})
					return errors.Join(x.clientError(aerr), rerr)
				}
				var problems []crdt.Problem
				err = x.edit(ctx, d.ID, "attach a file", func(b *crdt.Biography) error {
					p, err := x.provenance(b, editFlags{})
					if err != nil {
						return err
					}
					path := filesList + "." + entry + "."
					err = errors.Join(
						b.Set(path+"blob_id", crdt.String(att.ID.String()), p),
						b.Set(path+"size", crdt.Int(att.Size), p),
						b.Set(path+"content_key", crdt.String(att.Key), p),
						b.Set(path+"uploaded_at", crdt.TimeOf(time.Now()), p))
					problems = problemsAt(b.Validate(), filesList+"."+entry)
					return err
				})
				if err != nil {
					return fmt.Errorf("record the attachment: %w", err)
				}
				rec, _ := storedBlob(ctx, x, d.ID, att.ID)
				uploaded := rec.Uploaded
				if asJSON {
					if err := writeJSON(a.Stdout, attachJSON{ID: entry, Path: filesList + "." + entry, BlobID: att.ID.String(), Size: att.Size, Uploaded: uploaded}); err != nil {
						return err
					}
				} else {
					fmt.Fprintln(a.Stdout, entry)
				}
				switch {
				case aerr != nil:
					fmt.Fprintln(a.Stderr, msg(x.Lang, msgAttachUploadFailed, x.clientError(aerr)))
				case uploaded:
					fmt.Fprintln(a.Stderr, msg(x.Lang, msgAttachUploaded, name, humanSize(fi.Size())))
				default:
					fmt.Fprintln(a.Stderr, msg(x.Lang, msgAttachQueued, name, humanSize(fi.Size())))
				}
				printProblems(a.Stderr, x.Lang, problems)
				return nil
			})
		},
	}
	cmd.Flags().StringVar(&title, "title", "", "a `TITLE` for the file, such as \"Passport, Syria\"")
	cmd.Flags().StringVar(&typ, "type", "", "the document type: a `CODE` (or label) of mobio schema codes document_type")
	cmd.Flags().BoolVar(&asJSON, "json", false, "print the entry and the file's ID as JSON")
	return cmd
}

// setEntryField writes value, as typed, to field key of the files entry.
func setEntryField(b *crdt.Biography, lang, entry, key, value string, p crdt.Provenance) error {
	sec, err := findSection(schema.Default(), "documents")
	if err != nil {
		return err
	}
	list := fieldByKey(sec.Fields, "files")
	r := fieldRef{
		path: filesList + "." + entry + "." + key, section: sec, list: list, listPath: filesList,
		entry: entry, field: fieldByKey(list.Item, key),
	}
	return setValue(b, lang, r, value, valueOpts{prov: p, uiLang: lang})
}

// storedBlob returns the store's record of the blob id, if the store has it.
func storedBlob(ctx context.Context, x *session, doc e2ee.DocID, id e2ee.Hash) (client.BlobRecord, bool) {
	blobs, err := x.store.Blobs(ctx, doc)
	if err != nil {
		return client.BlobRecord{}, false
	}
	for _, b := range blobs {
		if b.ID == id {
			return b, true
		}
	}
	return client.BlobRecord{}, false
}

// fileEntry is a documents.files entry as attach ls and get read it.
type fileEntry struct {
	ID        string `json:"id"`
	Title     string `json:"title"`
	Type      string `json:"type"`
	FileName  string `json:"file_name"`
	MediaType string `json:"media_type"`
	Size      int64  `json:"size"`
	BlobID    string `json:"blob_id"`
	OnDevice  bool   `json:"on_device"`
	Uploaded  bool   `json:"uploaded"`
	key       string // the content key; never printed
}

// readFileEntry reads entry id of the files list.
func readFileEntry(b *crdt.Biography, id string) (fileEntry, error) {
	e := fileEntry{ID: id}
	get := func(key string) crdt.FieldValue {
		v, err := b.Get(filesList + "." + id + "." + key)
		if err != nil {
			return crdt.FieldValue{}
		}
		return v
	}
	e.Title, e.Type, e.FileName = get("title").Str(), get("type").Str(), get("file_name").Str()
	e.MediaType, e.BlobID, e.key = get("media_type").Str(), get("blob_id").Str(), get("content_key").Str()
	e.Size = get("size").Int()
	return e, nil
}

// attachment returns what client.Fetch needs of e.
func (e fileEntry) attachment() (client.Attachment, bool) {
	raw, err := hex.DecodeString(e.BlobID)
	if err != nil || len(raw) != len(e2ee.Hash{}) || e.key == "" {
		return client.Attachment{}, false
	}
	var id e2ee.Hash
	copy(id[:], raw)
	return client.Attachment{ID: id, Size: e.Size, Key: e.key}, true
}

func newAttachListCmd(a *app, f *homeFlags) *cobra.Command {
	var asJSON bool
	cmd := &cobra.Command{
		Use:     "ls DOC",
		Aliases: []string{"list"},
		Short:   "List the files of a biography: type, size, whether uploaded, title",
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return a.withSession(ctx, f, func(x *session) error {
				d, err := x.resolveDoc(ctx, args[0])
				if err != nil {
					return err
				}
				var files []fileEntry
				err = x.read(ctx, d.ID, func(b *crdt.Biography) error {
					ids, err := b.Entries(filesList)
					if err != nil {
						return fmt.Errorf("list %s: %w", filesList, err)
					}
					for _, id := range ids {
						e, err := readFileEntry(b, id)
						if err != nil {
							return err
						}
						files = append(files, e)
					}
					return nil
				})
				if err != nil {
					return err
				}
				blobs, err := x.store.Blobs(ctx, d.ID)
				if err != nil {
					return fmt.Errorf("list stored files: %w", err)
				}
				for i := range files {
					att, ok := files[i].attachment()
					if !ok {
						continue
					}
					files[i].Uploaded = true // stored by another member, who uploaded it
					for _, bl := range blobs {
						if bl.ID == att.ID {
							files[i].OnDevice, files[i].Uploaded = true, bl.Uploaded
						}
					}
				}
				if asJSON {
					if files == nil {
						files = []fileEntry{}
					}
					return writeJSON(a.Stdout, files)
				}
				if len(files) == 0 {
					fmt.Fprintln(a.Stdout, msg(x.Lang, msgNoFiles))
					return nil
				}
				tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
				fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", msg(x.Lang, msgColID), msg(x.Lang, msgColType), msg(x.Lang, msgColSize),
					msg(x.Lang, msgColUploaded), msg(x.Lang, msgColTitle))
				for _, e := range files {
					typ, size, up := "-", "-", "-"
					if e.Type != "" {
						typ = codeText("document_type", e.Type, x.Lang)
					}
					if _, ok := e.attachment(); ok {
						size = humanSize(e.Size)
						up = msg(x.Lang, msgNo)
						if e.Uploaded {
							up = msg(x.Lang, msgYes)
						}
					}
					t := e.Title
					if t == "" {
						t = e.FileName
					}
					// The title is last: it may be written right to left.
					fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", shortEntryID(e.ID), typ, size, up, oneLine(t))
				}
				return tw.Flush()
			})
		},
	}
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// outputName is the file attach get writes when no -o is given: the entry's file name, without
// any directory, else the entry's ID.
func outputName(e fileEntry) string {
	name := filepath.Base(filepath.Clean("/" + strings.ReplaceAll(e.FileName, `\`, "/")))
	if name == "/" || name == "." || name == ".." || strings.HasPrefix(name, ".") {
		return e.ID
	}
	return name
}

func newAttachGetCmd(a *app, f *homeFlags) *cobra.Command {
	var (
		output string
		force  bool
	)
	cmd := &cobra.Command{
		Use:   "get DOC ENTRY",
		Short: "Fetch, decrypt and check a file, and write it (readable by you only)",
		Long: `Fetch the file of the documents.files entry ENTRY (its ID or a unique beginning, as mobio
attach ls shows it) from this device or else from the relay, decrypt it and check that it
is the file the entry names, then write it to -o FILE (by default its own file name, in the
current directory; - for standard output), readable by you only. Nothing is written when
the file does not check out. An existing FILE is replaced only with --force.`,
		Args: cobra.ExactArgs(2),
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx := cmd.Context()
			return a.withSession(ctx, f, func(x *session) error {
				d, err := x.resolveDoc(ctx, args[0])
				if err != nil {
					return err
				}
				var e fileEntry
				err = x.read(ctx, d.ID, func(b *crdt.Biography) error {
					id, err := resolveEntry(b, x.Lang, filesList, args[1])
					if err != nil {
						return err
					}
					e, err = readFileEntry(b, id)
					return err
				})
				if err != nil {
					return err
				}
				att, ok := e.attachment()
				if !ok {
					return newUserError(errNoFile, x.Lang, msgNoFileInEntry, shortEntryID(e.ID))
				}
				out := output
				if out == "" {
					out = outputName(e)
				}
				toFile := out != "-"
				if toFile && !force {
					if _, err := os.Lstat(out); err == nil {
						return newUserError(os.ErrExist, x.Lang, msgFileExists, out)
					}
				}
				if _, ok := storedBlob(ctx, x, d.ID, att.ID); !ok && x.Relay == "" {
					return newUserError(errNoRelay, x.Lang, msgNoRelay, cmd.CommandPath())
				}
				progress, end := a.progressBar(msg(x.Lang, msgDownloading))
				var buf bytes.Buffer
				err = x.c.Fetch(ctx, d.ID, e.ID, att, &buf, progress)
				end()
				defer clear(buf.Bytes())
				switch {
				case errors.Is(err, keyring.ErrDecrypt):
					return newUserError(err, x.Lang, msgAttachCorrupt, shortEntryID(e.ID))
				case err != nil:
					return x.clientError(err)
				}
				if !toFile {
					_, err := a.Stdout.Write(buf.Bytes())
					return err
				}
				if err := writePrivateFile(out, buf.Bytes()); err != nil {
					return fmt.Errorf("write %s: %w", out, err)
				}
				fmt.Fprintln(a.Stderr, msg(x.Lang, msgAttachWritten, out, humanSize(int64(buf.Len()))))
				return nil
			})
		},
	}
	cmd.Flags().StringVarP(&output, "output", "o", "", "write to `FILE` (readable by you only), or - for standard output")
	cmd.Flags().BoolVar(&force, "force", false, "replace FILE if it exists")
	return cmd
}
