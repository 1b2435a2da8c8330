package model

import "testing"

func TestIsSecretName(t *testing.T) {
	for _, tc := range []struct {
		name string
		want bool
	}{
		{"PxWinAdminPassword", true},
		{"pxwinadminpassword", true},
		{"PxAppSecret", true},
		{"ClientSECRETValue", true},
		{"PxWinAdminSecurePassword", true},
		{"PxWinAdminUser", false},
		{"PxWinAdminCred", false},
		{"Pass", false},
		{"", false},
	} {
		if got := IsSecretName(tc.name); got != tc.want {
			t.Errorf("IsSecretName(%q) = %v, want %v", tc.name, got, tc.want)
		}
	}
}

func TestDescribeSecret(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want Secret
	}{
		{"", Secret{Literal: true}},
		{"abc", Secret{Literal: true, Length: 3, Lower: true}},
		{"Ab1!", Secret{Literal: true, Length: 4, Upper: true, Lower: true, Digit: true, Symbol: true}},
		{"ÄÖ12", Secret{Literal: true, Length: 4, Upper: true, Digit: true}},
		{"pass word", Secret{Literal: true, Length: 9, Lower: true, Symbol: true}},
	} {
		if got := *describeSecret(tc.in); got != tc.want {
			t.Errorf("describeSecret(%q) = %+v, want %+v", tc.in, got, tc.want)
		}
	}
}
