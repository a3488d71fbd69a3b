package keyring_test

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/mobio-sync/mobio/e2ee"
	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// A file gets its own key, which goes into the (encrypted) document; the ciphertext goes to
// the relay under its content ID. The associated data names the document and the entry.
func ExampleEncryptAttachment() {
	var doc e2ee.DocID // the document's ID
	ad := append(doc[:], "entry-7"...)

	key := keyring.NewAttachmentKey()
	var uploaded bytes.Buffer
	blob, err := keyring.EncryptAttachment(&uploaded, strings.NewReader("scan of a birth certificate"), key, ad)
	if err != nil {
		panic(err)
	}
	keyText, _ := key.Export() // stored in the document's entry, with blob.ContentID

	// Another member, with the document open, downloads the blob by its content ID.
	theirKey, err := keyring.ImportAttachmentKey(keyText)
	if err != nil {
		panic(err)
	}
	var file bytes.Buffer
	if err := keyring.DecryptAttachment(&file, &uploaded, theirKey, ad, blob.ContentID); err != nil {
		panic(err) // keyring.ErrDecrypt: discard what was written to file
	}
	fmt.Println(file.String())
	fmt.Println(blob.Size, "bytes uploaded")
	fmt.Println(key)
	// Output:
	// scan of a birth certificate
	// 83 bytes uploaded
	// keyring.AttachmentKey(REDACTED)
}
