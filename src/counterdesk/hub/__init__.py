"""The district hub: receives desks' bundles (HTTP or USB), sends acknowledgements and
reference data back, and shows what arrived. Never imports Qt, the GUI or the desk CLI."""
