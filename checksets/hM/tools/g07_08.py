"""Gold for hM07 (Guyana–Venezuela explainer) and hM08 (ELMED trade-press piece)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Minister", "FM")
CEO = ("CEO", "Chief Executive Officer", "chief executive")

# hM07 ---------------------------------------------------------------------------------------
D = "2025-04-22"
GY, VE, VC, BR, UK = "Guyana", "Venezuela", "Saint Vincent and the Grenadines", "Brazil", "United Kingdom"
write("hM07.txt", D,
      [person("Hugh Todd", role("Minister of Foreign Affairs and International Cooperation", GY, *FM)),
       person("Yván Gil", role("Minister of Popular Power for Foreign Affairs", VE, *FM), aliases=["Yvan Gil"]),
       # Gonsalves's CELAC chair is a former post (December 2023), kept as a role.
       person("Ralph Gonsalves", role("Prime Minister", VC), role("Chair", None, "chair of CELAC")),
       person("Celso Amorim", role("chief adviser on international affairs", BR, "chief adviser")),
       person("Luiz Inácio Lula da Silva", role("President", BR), aliases=["Lula da Silva"]),
       person("Nicolás Maduro", role("President", VE), aliases=["Nicolas Maduro"]),
       # British Guiana was a colony, not a state: the former post has no state.
       person("Forbes Burnham", role("Premier", None, "premier of British Guiana")),
       person("António Guterres", role("Secretary-General", None, "United Nations Secretary-General"), aliases=["Antonio Guterres"]),
       person("Alistair Routledge", role("president", GY)),
       person("Irfaan Ali", role("President", GY), aliases=["Mohamed Irfaan Ali"])],
      [state(GY), state(VE), state(VC, aliases=["St Vincent and the Grenadines", "St Vincent"]), state(BR),
       # Party to the 1897, 1966 and 1970 instruments told as history.
       state(UK, aliases=["Britain"]), state("China", actor=False)],
      [org("International Court of Justice", None, ["ICJ"]), org("United Nations", None, ["UN"]),
       org("ExxonMobil"), org("ExxonMobil Guyana", GY), org("Chevron"), org("CNOOC", "China"),
       org("Community of Latin American and Caribbean States", None, ["CELAC"]),
       org("Caribbean Community", None, ["CARICOM"]), org("Caribbean Development Bank")],
      [city("Kingstown", VC), city("Brasília", BR, ["Brasilia"]), city("Caracas", VE), city("Paris", "France"),
       city("Port of Spain", "Trinidad and Tobago"), city("Georgetown", GY), city("Wales", GY),
       city("The Hague", "Netherlands")],
      [agreement("Treaty of Washington (1897)", [["treaty", "washington"]], [UK, VE], "1897"),
       agreement("Geneva Agreement", [["geneva"]], [UK, VE], "1966-02-17"),
       agreement("Protocol of Port of Spain", [["port", "spain"]], [GY, VE, UK], "1970"),
       agreement("Argyle Declaration", [["argyle"]], [GY, VE], "2023-12-14")],
      [project("Stabroek block", [["stabroek"]], ["ExxonMobil", "Chevron", "CNOOC", GY], [GY]),
       project("Liza field", [["liza"]], ["ExxonMobil", GY], [GY]),
       project("Gas-to-Energy project", [["gas", "energy"]], [GY], ["Wales", GY]),
       project("Linden-Lethem road", [["linden"], ["lethem"]], ["Caribbean Development Bank", UK, GY, BR], [GY, BR]),
       project("UK Caribbean Infrastructure Fund", [["caribbean", "infrastructure", "fund"]], [UK], [])],
      # A meeting convened and hosted by a third state, like a multilateral meeting, gives no Visit.
      [event("Meeting", "Todd–Gil meeting in Kingstown", ["Hugh Todd", "Yván Gil", "Ralph Gonsalves", "Celso Amorim", GY, VE],
             "Kingstown", "2025-04-21"),
       event("Statement", "Guyana–Venezuela joint communiqué read by Gonsalves", [GY, VE, "Ralph Gonsalves"], "Kingstown", "2025-04-21"),
       event("Meeting", "Joint commission of foreign ministers in Brasília (planned)", [GY, VE], "Brasília", "2025-06"),
       event("PressConference", "Ali news conference", ["Irfaan Ali"], "Georgetown", "2025-04-22"),
       event("Statement", "Maduro televised address", ["Nicolás Maduro"], None, "2025-04-21"),
       event("Consultation", "Lula–Ali phone call", ["Luiz Inácio Lula da Silva", "Irfaan Ali"], None, "2025-04-19"),
       event("Visit", "Amorim visit to Caracas", ["Celso Amorim", BR, VE], "Caracas", "2025-03"),
       event("Statement", "Routledge remarks to reporters", ["Alistair Routledge"], "Georgetown", "2025-04")])
