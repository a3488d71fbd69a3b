package keyring_test

import (
	"errors"
	"fmt"
	"strings"

	"github.com/mobio-sync/mobio/e2ee/keyring"
)

// An identity is written to disk only sealed. Opening it needs the passphrase; a wrong one
// gives a clear error.
func ExampleIdentity_Seal() {
	id, err := keyring.NewIdentity()
	if err != nil {
		panic(err)
	}
	sealed, err := id.Seal([]byte("a long passphrase only I know"))
	if err != nil {
		panic(err)
	}
	// ... write sealed to a file; later, on the same device:
	opened, err := keyring.OpenIdentity(sealed, []byte("a long passphrase only I know"))
	if err != nil {
		panic(err)
	}
	fmt.Println("same identity:", opened.Public().Equal(id.Public()))

	_, err = keyring.OpenIdentity(sealed, []byte("a long passphrase I forgot"))
	fmt.Println(err)
	fmt.Println("is ErrWrongPassphrase:", errors.Is(err, keyring.ErrWrongPassphrase))
	// Output:
	// same identity: true
	// keyring: wrong passphrase or damaged identity file
	// is ErrWrongPassphrase: true
}

// On a platform with a keystore, the app keeps a device key there and seals the identity under
// it, so that the person is not asked for a passphrase at every start.
func ExampleIdentity_SealWithKey() {
	id, err := keyring.NewIdentity()
	if err != nil {
		panic(err)
	}
	key := keyring.NewDeviceKey()
	fmt.Println("device key:", key) // keys never print
	stored := key.Bytes()           // hand these to the platform keystore, nowhere else

	sealed, err := id.SealWithKey(key)
	if err != nil {
		panic(err)
	}
	// Next start: the keystore gives the bytes back.
	key, err = keyring.DeviceKeyFromBytes(stored)
	if err != nil {
		panic(err)
	}
	opened, err := keyring.OpenIdentityWithKey(sealed, key)
	if err != nil {
		panic(err)
	}
	fmt.Println("same identity:", opened.ID() == id.ID())
	// Output:
	// device key: keyring.DeviceKey(REDACTED)
	// same identity: true
}

// A recovery kit is printed once and kept safe; with the passphrase it restores the identity
// on a new phone. A typo in the typed-back kit is found before the passphrase is tried, and
// its line is named.
func ExampleIdentity_RecoveryKit() {
	id, err := keyring.NewIdentity()
	if err != nil {
		panic(err)
	}
	kit, err := id.RecoveryKit([]byte("a long passphrase only I know"))
	if err != nil {
		panic(err)
	}
	fmt.Println(strings.SplitN(kit, "\n", 2)[0])

	restored, err := keyring.RestoreFromKit(strings.ToLower(kit), []byte("a long passphrase only I know"))
	if err != nil {
		panic(err)
	}
	fmt.Println("same identity:", restored.ID() == id.ID())

	// Type line 03 with one wrong character.
	i := strings.Index(kit, "\n03  ") + 5
	withTypo := kit[:i] + map[bool]string{true: "B", false: "A"}[kit[i] == 'A'] + kit[i+1:]
	_, err = keyring.RestoreFromKit(withTypo, []byte("a long passphrase only I know"))
	fmt.Println(err)
	var lineErr *keyring.KitLineError
	if errors.As(err, &lineErr) {
		fmt.Println("check line", lineErr.Line)
	}
	// Output:
	// MOBIO RECOVERY KIT v1
	// same identity: true
	// recovery kit line 3: checksum does not match: look for a typo in this line
	// check line 3
}
