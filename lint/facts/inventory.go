package facts

import (
	"fmt"
	"path/filepath"
	"strconv"
	"strings"
)

// SourceInventory is the Source of an Inventory.
const SourceInventory = "inventory"

// Inventory is the resource groups of an Azure inventory file, the same
// whichever command wrote it.
type Inventory struct {
	Source         string          `json:"source"` // SourceInventory
	Path           string          `json:"path,omitempty"`
	ResourceGroups []ResourceGroup `json:"resource_groups"`
}

// ResourceGroup is one resource group. SubscriptionID comes from ID, since
// neither command prints it separately; policies compare names and
// subscriptions case-insensitively, as Azure does.
type ResourceGroup struct {
	Name           string `json:"name"`
	SubscriptionID string `json:"subscription_id"`
	Location       string `json:"location"`
	ID             string `json:"id"`
}

// LoadInventory reads `az group list -o json` output (an array of {id, name,
// location, ...}) or `Get-AzResourceGroup | ConvertTo-Json` output (objects
// with ResourceGroupName, ResourceId, Location; an array, or one object when
// there is one group), in UTF-8 or UTF-16 with a BOM, each element checked
// against its definition in schemas/inventory.cue.
func LoadInventory(path string) (*Inventory, error) {
	doc, err := readJSONFile(path)
	if err != nil {
		return nil, err
	}
	name := filepath.Base(path)
	var list []any
	switch doc.(type) {
	case []any, map[string]any:
		list, _ = asList(doc).([]any)
	}
	if list == nil {
		return nil, fmt.Errorf("%s: must be a JSON array of resource groups (az group list -o json) or Get-AzResourceGroup | ConvertTo-Json output", name)
	}
	inv := &Inventory{Source: SourceInventory, Path: path, ResourceGroups: make([]ResourceGroup, 0, len(list))}
	for i, e := range list {
		at := []string{strconv.Itoa(i)}
		obj, ok := e.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: %w", name, &fieldError{Path: at, Msg: "must be a resource group object"})
		}
		dropNulls(obj)
		var def, idKey, nameKey, locKey string
		switch {
		case has(obj, "ResourceGroupName") || has(obj, "ResourceId"):
			def, idKey, nameKey, locKey = "#AzPsResourceGroup", "ResourceId", "ResourceGroupName", "Location"
		case has(obj, "id") || has(obj, "name"):
			def, idKey, nameKey, locKey = "#AzCliResourceGroup", "id", "name", "location"
		default:
			return nil, fmt.Errorf("%s: %w", name, &fieldError{Path: at,
				Msg: "not a resource group: needs id and name (az group list) or ResourceId and ResourceGroupName (Get-AzResourceGroup)"})
		}
		if err := inventorySchema.validate(def, obj, at); err != nil {
			return nil, fmt.Errorf("%s: %w", name, err)
		}
		id, _ := obj[idKey].(string)
		rgName, _ := obj[nameKey].(string)
		loc, _ := obj[locKey].(string)
		inv.ResourceGroups = append(inv.ResourceGroups, ResourceGroup{
			Name: rgName, SubscriptionID: subscriptionOf(id), Location: loc, ID: id,
		})
	}
	return inv, nil
}

func has(obj map[string]any, key string) bool {
	_, ok := obj[key]
	return ok
}

// subscriptionOf returns the subscription GUID of a resource ID
// ("/subscriptions/<guid>/resourceGroups/<name>"), lower-cased, or "".
func subscriptionOf(id string) string {
	parts := strings.Split(strings.TrimPrefix(id, "/"), "/")
	if len(parts) < 2 || !strings.EqualFold(parts[0], "subscriptions") {
		return ""
	}
	return strings.ToLower(parts[1])
}
