package main

import (
	"context"
	"errors"
	"fmt"
	"io/fs"
	"log/slog"
	"os"
	"path/filepath"
	"text/tabwriter"

	"github.com/mobio-sync/mobio/syncserver/sqlite"
	"github.com/spf13/cobra"
)

func newAdminCmd(a *app) *cobra.Command {
	cmd := &cobra.Command{
		Use:   "admin",
		Short: "Back up the relay's database and count what it holds",
		Long: `Administer the relay's database in a data directory, also while a relay runs on it: the
database is in WAL mode, so a backup or a count reads one consistent moment without stopping
the relay.`,
		Args: cobra.NoArgs,
	}
	cmd.AddCommand(newAdminBackupCmd(a), newAdminStatsCmd(a))
	return cmd
}

func newAdminBackupCmd(a *app) *cobra.Command {
	var data string
	cmd := &cobra.Command{
		Use:   "backup OUTPUT",
		Short: "Copy the relay's database to OUTPUT, online",
		Long: `Copy the relay's database in --data to the file OUTPUT: a consistent copy as of one
moment, compacted, taken while the relay goes on serving. OUTPUT is replaced atomically, so
it is either the previous file or the whole new copy, and is readable by its owner only.
Restore by stopping the relay and putting the copy in place of <data>/` + dbName + `.`,
		Example: `  mobio admin backup --data /var/lib/mobio /backup/relay-$(date +%F).db`,
		Args:    cobra.ExactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.flagsFromEnv(cmd); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), data, func(s *sqlite.Store) error {
				n, err := backupAtomic(cmd.Context(), s, args[0])
				if err != nil {
					return err
				}
				_, err = fmt.Fprintf(a.Stdout, "backed up %s to %s (%d bytes)\n", filepath.Join(data, dbName), args[0], n)
				return err
			})
		},
	}
	dataFlag(cmd, &data)
	return cmd
}

// adminStats is what `mobio admin stats --json` prints: the fields of [syncserver.Stats], in
// their order, so that one converts to the other.
type adminStats struct {
	Documents     int64 `json:"documents"`      // documents that exist and are not erased
	Erased        int64 `json:"erased"`         // tombstones of erased documents
	Entries       int64 `json:"entries"`        // entries whose envelope is kept, snapshots among them
	EntryBytes    int64 `json:"entry_bytes"`    // bytes of those envelopes
	Snapshots     int64 `json:"snapshots"`      // the documents' newest snapshots
	SnapshotBytes int64 `json:"snapshot_bytes"` // bytes of those snapshots
	Blobs         int64 `json:"blobs"`          // complete attachments
	BlobBytes     int64 `json:"blob_bytes"`     // bytes of those attachments
	FileBytes     int64 `json:"file_bytes"`     // size of the database and its WAL on disk
}

func newAdminStatsCmd(a *app) *cobra.Command {
	var (
		data   string
		asJSON bool
	)
	cmd := &cobra.Command{
		Use:   "stats",
		Short: "Count the documents, entries, snapshots and blobs in the relay's database",
		Long: `Count what the relay's database in --data holds: documents, erased documents, entries,
snapshots and blobs with their bytes (all ciphertext), and the size of the files on disk.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			if err := a.flagsFromEnv(cmd); err != nil {
				return err
			}
			return a.withStore(cmd.Context(), data, func(s *sqlite.Store) error {
				st, err := s.Stats(cmd.Context())
				if err != nil {
					return err
				}
				out := adminStats(st)
				if asJSON {
					return writeJSON(a.Stdout, out)
				}
				tw := tabwriter.NewWriter(a.Stdout, 0, 0, 2, ' ', 0)
				for _, r := range []struct {
					name string
					n    int64
				}{
					{"documents", out.Documents}, {"erased", out.Erased},
					{"entries", out.Entries}, {"entry bytes", out.EntryBytes},
					{"snapshots", out.Snapshots}, {"snapshot bytes", out.SnapshotBytes},
					{"blobs", out.Blobs}, {"blob bytes", out.BlobBytes},
					{"file bytes", out.FileBytes},
				} {
					fmt.Fprintf(tw, "%s\t%d\n", r.name, r.n)
				}
				return tw.Flush()
			})
		},
	}
	dataFlag(cmd, &data)
	cmd.Flags().BoolVar(&asJSON, "json", false, "print as JSON")
	return cmd
}

// dataFlag adds --data, the relay's data directory, settable by $MOBIO_DATA as for serve.
func dataFlag(cmd *cobra.Command, data *string) {
	cmd.Flags().StringVar(data, "data", "./data", "directory `DIR` of the relay's database")
	withEnv(cmd.Flags().Lookup("data"))
}

// withStore opens the relay's existing database in data, runs f with it and closes it.
func (a *app) withStore(ctx context.Context, data string, f func(*sqlite.Store) error) (err error) {
	path := filepath.Join(data, dbName)
	if _, err := os.Stat(path); err != nil {
		if errors.Is(err, fs.ErrNotExist) {
			return fmt.Errorf("no relay database %s: check --data", path)
		}
		return fmt.Errorf("open the database in --data %s: %w", data, err)
	}
	// The store's routine messages are for a running relay; here only problems are shown.
	log := slog.New(slog.NewTextHandler(a.Stderr, &slog.HandlerOptions{Level: slog.LevelWarn}))
	s, err := sqlite.Open(ctx, path, sqlite.Options{Logger: log})
	if err != nil {
		return fmt.Errorf("open the database in --data %s: %w", data, err)
	}
	defer func() {
		closeCtx, cancel := context.WithTimeout(context.WithoutCancel(ctx), storeCloseTimeout)
		defer cancel()
		if cerr := s.Close(closeCtx); cerr != nil {
			err = errors.Join(err, cerr)
		}
	}()
	return f(s)
}

// backupAtomic backs s up to output, replacing it atomically: the copy is made in a new
// directory beside output, synced, made private and renamed into place. It returns the
// copy's size.
func backupAtomic(ctx context.Context, s *sqlite.Store, output string) (int64, error) {
	tmpDir, err := os.MkdirTemp(filepath.Dir(output), "."+filepath.Base(output)+".*.tmp")
	if err != nil {
		return 0, fmt.Errorf("back up to %s: %w", output, err)
	}
	defer os.RemoveAll(tmpDir)
	tmp := filepath.Join(tmpDir, dbName)
	if err := s.Backup(ctx, tmp); err != nil {
		return 0, err
	}
	n, err := syncPrivate(tmp)
	if err != nil {
		return 0, fmt.Errorf("back up to %s: %w", output, err)
	}
	if err := os.Rename(tmp, output); err != nil {
		return 0, fmt.Errorf("back up to %s: %w", output, err)
	}
	if d, err := os.Open(filepath.Dir(output)); err == nil { // make the rename durable, where possible
		d.Sync()
		d.Close()
	}
	return n, nil
}

// syncPrivate makes the file name readable by its owner only, syncs it to stable storage and
// returns its size.
func syncPrivate(name string) (int64, error) {
	f, err := os.OpenFile(name, os.O_RDWR, 0)
	if err != nil {
		return 0, err
	}
	defer f.Close()
	if err := f.Chmod(0o600); err != nil { // the copy holds what the relay holds
		return 0, err
	}
	if err := f.Sync(); err != nil {
		return 0, err
	}
	fi, err := f.Stat()
	if err != nil {
		return 0, err
	}
	return fi.Size(), f.Close()
}
