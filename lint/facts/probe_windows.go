package facts

import (
	"unsafe"

	"golang.org/x/sys/windows"
)

// getUserDefaultLocaleName is loaded from the system directory only; x/sys
// has no wrapper for it. It is the locale Get-Culture reports.
var getUserDefaultLocaleName = windows.NewLazySystemDLL("kernel32.dll").NewProc("GetUserDefaultLocaleName")

// localeNameMaxLength is LOCALE_NAME_MAX_LENGTH, including the terminating NUL.
const localeNameMaxLength = 85

func userLocale() string {
	if getUserDefaultLocaleName.Find() != nil {
		return ""
	}
	var buf [localeNameMaxLength]uint16
	n, _, _ := getUserDefaultLocaleName.Call(uintptr(unsafe.Pointer(&buf[0])), uintptr(len(buf)))
	if n == 0 {
		return ""
	}
	return windows.UTF16ToString(buf[:])
}

func userUILanguage() string {
	langs, err := windows.GetUserPreferredUILanguages(windows.MUI_LANGUAGE_NAME)
	if err != nil || len(langs) == 0 {
		return ""
	}
	return langs[0]
}
