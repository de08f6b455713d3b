"""Moving data between desks and the district hub (HTTP or USB stick)."""
