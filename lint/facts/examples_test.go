package facts

import (
	"path/filepath"
	"testing"
)

// TestExampleFiles keeps examples/facts loadable and as its README describes.
func TestExampleFiles(t *testing.T) {
	dir := filepath.Join("..", "..", "examples", "facts")
	good, err := Load(filepath.Join(dir, "facts.json"))
	if err != nil {
		t.Fatal(err)
	}
	if good.Account == nil || good.Account.UserType != "Member" || len(good.Modules) != 5 {
		t.Errorf("facts.json: %+v", good)
	}
	guest, err := Load(filepath.Join(dir, "facts-guest-de.json"))
	if err != nil {
		t.Fatal(err)
	}
	if guest.Culture == nil || *guest.Culture != "de-DE" || len(guest.RoleAssignments) != 1 || guest.Account.DirectoryRoles == nil {
		t.Errorf("facts-guest-de.json: %+v", guest)
	}
	for file, want := range map[string]int{"rgs.json": 3, "rgs-leftover.json": 1} {
		inv, err := LoadInventory(filepath.Join(dir, file))
		if err != nil {
			t.Fatal(err)
		}
		if len(inv.ResourceGroups) != want {
			t.Errorf("%s: %d resource groups, want %d", file, len(inv.ResourceGroups), want)
		}
	}
}
