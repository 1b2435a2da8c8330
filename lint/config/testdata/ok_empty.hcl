# An empty config is valid and sets nothing.
