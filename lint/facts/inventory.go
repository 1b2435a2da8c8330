package facts

import (
	"errors"
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
	inv, err := inventoryFromDocument(filepath.Base(path), doc)
	if err != nil {
		return nil, err
	}
	inv.Path = path
	return inv, nil
}

// inventoryFromDocument checks a parsed inventory document and converts it.
func inventoryFromDocument(name string, doc any) (*Inventory, error) {
	var list []any
	switch doc.(type) {
	case []any, map[string]any:
		list, _ = asList(doc).([]any)
	}
	if list == nil {
		return nil, fmt.Errorf("%s: must be a JSON array of resource groups (az group list -o json) or Get-AzResourceGroup | ConvertTo-Json output", name)
	}
	// Each element is told apart by its keys and projected onto the three
	// fields pxlint reads (the rest of the object is irrelevant to it and to
	// the schema, which is open); the projected list is then validated in
	// one CUE evaluation per shape rather than one per element.
	shapes := make([]*rgShape, len(list))
	projected := map[*rgShape][]any{}
	positions := map[*rgShape][]int{}
	for i, e := range list {
		at := []string{strconv.Itoa(i)}
		obj, ok := e.(map[string]any)
		if !ok {
			return nil, fmt.Errorf("%s: %w", name, &fieldError{Path: at, Msg: "must be a resource group object"})
		}
		shape := shapeOf(obj)
		if shape == nil {
			return nil, fmt.Errorf("%s: %w", name, &fieldError{Path: at,
				Msg: "not a resource group: needs id and name (az group list) or ResourceId and ResourceGroupName (Get-AzResourceGroup)"})
		}
		p := map[string]any{}
		for _, k := range []string{shape.id, shape.name, shape.location} {
			if v, ok := obj[k]; ok && v != nil {
				p[k] = v
			}
		}
		shapes[i] = shape
		projected[shape] = append(projected[shape], p)
		positions[shape] = append(positions[shape], i)
	}
	for _, shape := range []*rgShape{&azCliShape, &azPsShape} {
		if len(projected[shape]) == 0 {
			continue
		}
		if err := inventorySchema.validateList(shape.def, projected[shape], nil); err != nil {
			var fe *fieldError
			if errors.As(err, &fe) && len(fe.Path) > 0 {
				// Report the index in the file, not in the shape's sub-list.
				if j, convErr := strconv.Atoi(fe.Path[0]); convErr == nil && j < len(positions[shape]) {
					fe.Path[0] = strconv.Itoa(positions[shape][j])
				}
			}
			return nil, fmt.Errorf("%s: %w", name, err)
		}
	}
	inv := &Inventory{Source: SourceInventory, ResourceGroups: make([]ResourceGroup, 0, len(list))}
	for i, e := range list {
		obj, shape := e.(map[string]any), shapes[i]
		id, _ := obj[shape.id].(string)
		rgName, _ := obj[shape.name].(string)
		loc, _ := obj[shape.location].(string)
		inv.ResourceGroups = append(inv.ResourceGroups, ResourceGroup{
			Name: rgName, SubscriptionID: subscriptionOf(id), Location: loc, ID: id,
		})
	}
	return inv, nil
}

// rgShape is one of the two JSON shapes of a resource group.
type rgShape struct {
	def                string // definition in schemas/inventory.cue, without '#'
	id, name, location string // its keys
}

var (
	azCliShape = rgShape{def: "AzCliResourceGroup", id: "id", name: "name", location: "location"}
	azPsShape  = rgShape{def: "AzPsResourceGroup", id: "ResourceId", name: "ResourceGroupName", location: "Location"}
)

func shapeOf(obj map[string]any) *rgShape {
	switch {
	case has(obj, azPsShape.id) || has(obj, azPsShape.name):
		return &azPsShape
	case has(obj, azCliShape.id) || has(obj, azCliShape.name):
		return &azCliShape
	}
	return nil
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
