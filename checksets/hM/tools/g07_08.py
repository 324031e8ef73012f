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

# hM08 ---------------------------------------------------------------------------------------
D = "2025-10-15"
IT, TN, EIB = "Italy", "Tunisia", "European Investment Bank"
MIN = "Ministry of Industry, Mines and Energy of Tunisia"
write("hM08.txt", D,
      [person("Samir Abdelhafidh", role("Minister of Economy and Planning", TN)),
       person("Gelsomina Vigliotti", role("Vice-President", None, "EIB Vice-President")),
       person("Giuseppina Di Foggia", role("chief executive", IT, *CEO)),
       person("Gilberto Pichetto Fratin", role("Minister of the Environment and Energy Security", IT)),
       person("Fatma Thabet Chiboub", role("Minister of Industry, Mines and Energy", TN)),
       # Prysmian's nationality is not in the text.
       person("Massimo Battaini", role("chief executive", None, *CEO)),
       person("Giorgia Meloni", role("Prime Minister", IT)),
       person("Kais Saied", role("President", TN), aliases=["Kaïs Saïed"])],
      [state(IT), state(TN)],
      [org("Terna", IT), org("STEG", TN), org(MIN, TN, ["Ministry of Industry, Mines and Energy"]),
       org(EIB, None, ["EIB"]), org("World Bank"), org("European Union", None, ["EU"]), org("European Commission"),
       org("CINEA"), org("Prysmian"), org("Siemens Energy"), org("GSE", IT)],
      [city("Tunis", TN), city("Partanna", IT), city("Mlaabi", TN)],
      [agreement("ELMED operating and capacity-allocation agreement", [["operating"], ["capacity", "allocation"]],
                 ["Terna", "STEG", IT, TN], "2025-10-14"),
       agreement("EIB finance contract for the Mlaabi converter station", [["finance", "contract"], ["mlaabi"], ["eib", "loan"]],
                 [TN, EIB, "STEG"], "2025-10-14"),
       agreement("World Bank loan for ELMED", [["world", "bank"]], ["World Bank", TN, "STEG"], "2023"),
       agreement("Connecting Europe Facility grant agreement for ELMED", [["grant"], ["connecting", "europe"]],
                 ["Terna", "STEG", "CINEA"], "2022")],
      [project("ELMED interconnector", [["elmed"]], ["Terna", "STEG", IT, TN, "Prysmian", "Siemens Energy"],
               ["Partanna", "Mlaabi", IT, TN]),
       # Separately financed by the EIB contract, so its own project (hQ/hK precedent).
       project("Mlaabi converter station", [["mlaabi"], ["converter"]], ["STEG", "Siemens Energy", EIB], ["Mlaabi", TN]),
       project("Connecting Europe Facility", [["connecting", "europe"]], ["European Union", "European Commission"], []),
       project("Mattei Plan", [["mattei"]], [IT], [])],
      [event("Signing", "ELMED operating agreement and EIB finance contract signing",
             ["Giuseppina Di Foggia", "Samir Abdelhafidh", "Gelsomina Vigliotti", "Terna", "STEG", EIB, IT, TN], "Tunis", "2025-10-14"),
       event("Visit", "Pichetto Fratin visit to Tunisia", ["Gilberto Pichetto Fratin", IT, TN], "Tunis", "2025-10-13"),
       event("Meeting", "Pichetto Fratin–Thabet Chiboub talks", ["Gilberto Pichetto Fratin", "Fatma Thabet Chiboub"], "Tunis", "2025-10-14"),
       event("Statement", "Di Foggia statement issued by Terna", ["Giuseppina Di Foggia", "Terna"], None, "2025-10-14"),
       event("Statement", "Battaini remarks to reporters", ["Massimo Battaini"], "Tunis", "2025-10-14"),
       event("Visit", "Meloni visit to Tunis (planned)", ["Giorgia Meloni", IT, TN], "Tunis", "2025-11"),
       event("Meeting", "Meloni–Saied talks (planned)", ["Giorgia Meloni", "Kais Saied"], "Tunis", "2025-11")])
