package ps

import (
	"strings"
	"testing"
)

// TestParseErrorHidesSecrets: a broken secret assignment is reported
// without quoting the text that may be part of the password.
func TestParseErrorHidesSecrets(t *testing.T) {
	f, _ := parseText(t, "$PxWinAdminPassword = \"Sup3r\"s3cret\"\n$b = 2")
	if len(f.Diagnostics) != 1 {
		t.Fatalf("diagnostics %+v", f.Diagnostics)
	}
	if m := f.Diagnostics[0].Message; strings.Contains(m, "s3cret") || !strings.Contains(m, "not shown") {
		t.Errorf("message %q", m)
	}
}
