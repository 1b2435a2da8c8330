package facts

import (
	"strconv"
	"strings"
	"testing"
)

const (
	subA = "4c1b9e2a-7d3f-4e8a-9b6c-2f5e8d1a3c7b"
	subB = "9a8b7c6d-5e4f-4a3b-8c2d-1e0f9a8b7c6d"
)

func TestLoadInventoryShapes(t *testing.T) {
	cli := `[
  {"id": "/subscriptions/` + subA + `/resourceGroups/contoso-TeamsConn-emea-RG", "location": "westeurope", "managedBy": null,
   "name": "contoso-TeamsConn-emea-RG", "properties": {"provisioningState": "Succeeded"}, "tags": null, "type": "Microsoft.Resources/resourceGroups"},
  {"id": "/subscriptions/` + strings.ToUpper(subB) + `/resourceGroups/other", "location": "northeurope", "name": "other"}
]`
	psOne := `{
    "ResourceGroupName":  "contoso-TeamsConn-emea-static-RG",
    "Location":  "westeurope",
    "ProvisioningState":  "Succeeded",
    "Tags":  null,
    "TagsTable":  null,
    "ResourceId":  "/subscriptions/` + subA + `/resourceGroups/contoso-TeamsConn-emea-static-RG",
    "ManagedBy":  null
}`
	psArray := "[" + psOne + "," + strings.ReplaceAll(psOne, "static-RG", "RG") + "]"
	tests := []struct {
		name    string
		content []byte
		want    []ResourceGroup
	}{
		{"az group list", []byte(cli), []ResourceGroup{
			{Name: "contoso-TeamsConn-emea-RG", SubscriptionID: subA, Location: "westeurope", ID: "/subscriptions/" + subA + "/resourceGroups/contoso-TeamsConn-emea-RG"},
			{Name: "other", SubscriptionID: subB, Location: "northeurope", ID: "/subscriptions/" + strings.ToUpper(subB) + "/resourceGroups/other"},
		}},
		{"Get-AzResourceGroup one object, UTF-16 LE", utf16LE(psOne, true), []ResourceGroup{
			{Name: "contoso-TeamsConn-emea-static-RG", SubscriptionID: subA, Location: "westeurope", ID: "/subscriptions/" + subA + "/resourceGroups/contoso-TeamsConn-emea-static-RG"},
		}},
		{"Get-AzResourceGroup array", []byte(psArray), []ResourceGroup{
			{Name: "contoso-TeamsConn-emea-static-RG", SubscriptionID: subA, Location: "westeurope", ID: "/subscriptions/" + subA + "/resourceGroups/contoso-TeamsConn-emea-static-RG"},
			{Name: "contoso-TeamsConn-emea-RG", SubscriptionID: subA, Location: "westeurope", ID: "/subscriptions/" + subA + "/resourceGroups/contoso-TeamsConn-emea-RG"},
		}},
		{"empty array", []byte(`[]`), []ResourceGroup{}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			p := writeTemp(t, "rgs.json", tt.content)
			inv, err := LoadInventory(p)
			if err != nil {
				t.Fatal(err)
			}
			if inv.Source != SourceInventory || inv.Path != p {
				t.Errorf("source %q path %q", inv.Source, inv.Path)
			}
			if len(inv.ResourceGroups) != len(tt.want) {
				t.Fatalf("got %+v, want %+v", inv.ResourceGroups, tt.want)
			}
			for i := range tt.want {
				if inv.ResourceGroups[i] != tt.want[i] {
					t.Errorf("[%d] got %+v, want %+v", i, inv.ResourceGroups[i], tt.want[i])
				}
			}
		})
	}
}

func TestLoadInventoryErrors(t *testing.T) {
	tests := []struct{ name, content, want string }{
		{"not JSON", `[{"id": `, `rgs.json: not JSON: unexpected end of file`},
		{"string", `"rg"`, `rgs.json: must be a JSON array of resource groups (az group list -o json) or Get-AzResourceGroup | ConvertTo-Json output`},
		{"element not object", `[1]`, `rgs.json: [0]: must be a resource group object`},
		{"unknown shape", `[{"Name": "x"}]`, `rgs.json: [0]: not a resource group: needs id and name (az group list) or ResourceId and ResourceGroupName (Get-AzResourceGroup)`},
		{"cli bad id", `[{"id": "/subscriptions/abc/resourceGroups/x", "name": "x"}]`, `rgs.json: [0].id: must be a resource group ID such as "/subscriptions/<id>/resourceGroups/<name>"`},
		{"cli missing name", `[{"id": "/subscriptions/` + subA + `/resourceGroups/x"}]`, `rgs.json: [0].name: missing`},
		{"ps name not string", `{"ResourceGroupName": 3, "ResourceId": "/subscriptions/` + subA + `/resourceGroups/x"}`, `rgs.json: [0].ResourceGroupName: must be a resource group name`},
		{"empty file", "", `rgs.json: empty file, expected JSON`},
		{"index in the file, not in its shape", `[` + cliRG(0) + `, {"ResourceGroupName": "ps", "ResourceId": "/subscriptions/` + subA + `/resourceGroups/ps"}, ` +
			cliRG(2) + `, {"id": "/subscriptions/` + subA + `/resourceGroups/x", "name": ""}]`, `rgs.json: [3].name: must be a resource group name`},
		{"first error in document order", "[" + strings.Repeat(cliRG(0)+", ", 11) + `{"id": "bad", "name": "x"}, ` + strings.Repeat(cliRG(0)+", ", 90) + `{"id": "bad", "name": "y"}]`,
			`rgs.json: [11].id: must be a resource group ID such as "/subscriptions/<id>/resourceGroups/<name>"`},
		{"index past the first chunk of 256", "[" + strings.Repeat(cliRG(0)+", ", 700) + `{"id": "bad", "name": "x"}, ` + strings.Repeat(cliRG(0)+", ", 300) + `{"id": "bad", "name": "y"}]`,
			`rgs.json: [700].id: must be a resource group ID such as "/subscriptions/<id>/resourceGroups/<name>"`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := LoadInventory(writeTemp(t, "rgs.json", []byte(tt.content)))
			if err == nil || err.Error() != tt.want {
				t.Errorf("error\n got %v\nwant %s", err, tt.want)
			}
		})
	}
}

func cliRG(i int) string {
	return `{"id": "/subscriptions/` + subA + `/resourceGroups/rg` + strconv.Itoa(i) + `", "name": "rg` + strconv.Itoa(i) + `", "location": "westeurope"}`
}

func TestSubscriptionOf(t *testing.T) {
	for id, want := range map[string]string{
		"/subscriptions/" + strings.ToUpper(subA) + "/resourceGroups/x": subA,
		"/SUBSCRIPTIONS/" + subA + "/resourcegroups/x":                  subA,
		"/providers/Microsoft.Management/managementGroups/x":            "",
		"": "",
	} {
		if got := subscriptionOf(id); got != want {
			t.Errorf("subscriptionOf(%q) = %q, want %q", id, got, want)
		}
	}
}
