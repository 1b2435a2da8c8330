# Rule options are checked against the registry's types and ranges:
# min_prefix_length = -1 used to turn PX105 off without a word.
rule "PX105" {
  min_prefix_length = -1
}
rule "PX505" {
  max_instances = "30"
}
rule "PX208" {
  generic_names = ["acme", 7]
}
rule "PX209" {
  extra_locations = "westeurope2"
}
rule "PX305" {
  days = 14.5
}
