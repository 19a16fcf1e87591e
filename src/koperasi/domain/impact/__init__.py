"""Whether life changed: household measurements, follow-up visits and the indicators funders ask for."""
