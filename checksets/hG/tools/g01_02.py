"""Gold for hG01 (Angola–Namibia Baynes wire) and hG02 (Uruguay–Brazil foreign-ministry release)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")

# hG01 ---------------------------------------------------------------------------------------
D = "2025-06-17"
AO, NA = "Angola", "Namibia"
write("hG01.txt", D,
      [person("Téte António", role("Foreign Minister", AO, *FM)),
       person("Selma Ashipala-Musavyi", role("Foreign Minister", NA, *FM)),
       person("Netumbo Nandi-Ndaitwah", role("President", NA)),
       person("João Baptista Borges", role("Minister of Energy and Water", AO, "Energy and Water Minister")),
       person("Natangwe Ithete", role("Minister of Industries, Mines and Energy", NA, "Mines and Energy Minister")),
       person("Kahenge Haulofu", role("Managing Director", NA, "MD")),
       person("João Lourenço", role("President", AO))],
      [state(AO), state(NA), state("DR Congo", actor=False, aliases=["Democratic Republic of the Congo", "Democratic Republic of Congo"])],
      [org("NamPower", NA, ["Namibia Power Corporation"]),
       org("Empresa Nacional de Distribuição de Electricidade", AO, ["ENDE"]),
       org("African Development Bank", None, ["AfDB"]),
       org("Permanent Joint Technical Commission", None, ["PJTC"])],
      [city("Windhoek", NA), city("Walvis Bay", NA), city("Luanda", AO)],
      [agreement("Baynes hydropower implementation agreement", [["baynes"], ["implementation", "agreement"]], [AO, NA], D),
       agreement("Calueque canal exchange of notes", [["calueque"], ["exchange", "notes"]], [AO, NA], D),
       agreement("1990 Kunene agreement establishing the Permanent Joint Technical Commission", [["kunene"], ["permanent", "joint", "technical"], ["1990"]], [AO, NA], "1990")],
      [project("Baynes hydropower dam", [["baynes"]], ["NamPower", "Empresa Nacional de Distribuição de Electricidade", AO, NA]),
       project("Ruacana power station", [["ruacana"]], [NA]),
       project("Calueque canal scheme", [["calueque"]], [AO, NA])],
      [event("Signing", "Baynes agreement and Calueque notes signed in Windhoek",
             ["Téte António", "Selma Ashipala-Musavyi", "João Baptista Borges", "Natangwe Ithete", AO, NA], "Windhoek", D),
       event("Visit", "Téte António working visit to Namibia", ["Téte António", AO, NA], "Windhoek", "2025-06-16"),
       event("Meeting", "Nandi-Ndaitwah receives António at State House", ["Netumbo Nandi-Ndaitwah", "Téte António"], "Windhoek", "2025-06"),
       event("PressConference", "Joint news conference after the Baynes signing", ["Selma Ashipala-Musavyi", "Téte António"], "Windhoek", D),
       event("Consultation", "Lourenço–Nandi-Ndaitwah phone call", ["João Lourenço", "Netumbo Nandi-Ndaitwah"], None, "2025-06-13"),
       event("Statement", "Lourenço on X on the Baynes agreement", ["João Lourenço"], None, D)])

# hG02 ---------------------------------------------------------------------------------------
D = "2025-08-28"
UY, BR = "Uruguay", "Brazil"
MRREE = "Ministry of Foreign Affairs of Uruguay"
MT_BR = "Ministry of Transport of Brazil"
CLM = "Binational Commission for the Development of the Laguna Merín Basin"
write("hG02.txt", D,
      [person("Mario Lubetkin", role("Foreign Minister", UY, *FM)),
       person("Mauro Vieira", role("Foreign Minister", BR, *FM)),
       person("Lucía Etcheverry", role("Minister of Transport and Public Works", UY, "Transport Minister")),
       person("Valeria Csukasi", role("Undersecretary of Foreign Affairs", UY, "Deputy Foreign Minister")),
       person("Paulo Estivallet de Mesquita", role("Ambassador", BR, "Ambassador of Brazil to Uruguay")),
       person("Luiz Inácio Lula da Silva", role("President", BR), aliases=["Lula da Silva", "Lula"]),
       person("Yamandú Orsi", role("President", UY))],
      [state(UY), state(BR)],
      [org(MRREE, UY, ["Ministry of Foreign Affairs", "Ministerio de Relaciones Exteriores", "MRREE"]),
       org(MT_BR, BR, ["Ministry of Transport"]),
       org(CLM, None, ["CLM"])],
      [city("Rivera", UY), city("Santana do Livramento", BR), city("Río Branco", UY, ["Rio Branco"]),
       city("Jaguarão", BR), city("Montevideo", UY), city("Brasília", BR)],
      [agreement("Five Uruguay–Brazil instruments signed in Rivera", [["instruments"]], [UY, BR], D),
       agreement("Protocol on navigation of the Laguna Merín waterway", [["laguna", "merin"], ["waterway"], ["navigation"]], [UY, BR], D),
       agreement("Memorandum of Understanding on maintenance of the Barón de Mauá bridge", [["maua"], ["maintenance"]], [UY, BR], D)],
      [project("Laguna Merín waterway", [["laguna", "merin"], ["waterway"]], [UY, BR]),
       project("Barón de Mauá International Bridge", [["maua"]], [UY, BR], ["Río Branco", "Jaguarão"]),
       project("Second international bridge over the Yaguarón River", [["yaguaron"], ["new", "bridge"], ["second", "bridge"]],
               [BR, MT_BR, UY], ["Río Branco", "Jaguarão"]),
       project("Rivera Free Trade Zone", [["free", "trade", "zone"], ["free", "zone"]], [UY], ["Rivera"])],
      [event("Meeting", "Uruguay–Brazil High Level Commission in Rivera", ["Mario Lubetkin", "Mauro Vieira", UY, BR], "Rivera", D),
       event("Signing", "Five instruments signed in Rivera", ["Mario Lubetkin", "Mauro Vieira", UY, BR], "Rivera", D),
       event("Visit", "Vieira visit to Uruguay for the High Level Commission", ["Mauro Vieira", BR, UY], "Rivera", D),
       event("Visit", "Planned Orsi state visit to Brazil", ["Yamandú Orsi", UY, BR], "Brasília", "2026"),
       event("Statement", "Lubetkin–Vieira joint statement", ["Mario Lubetkin", "Mauro Vieira"], "Rivera", D)])
