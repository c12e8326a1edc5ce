"""One module per screen: compose, bindings, and handlers that call the campaign's actions."""
