"""Gold for hL07 (Chile–Bolivia railway explainer) and hL08 (Guinea Simandou trade press)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")

# hL07 ---------------------------------------------------------------------------------------
D = "2025-08-28"
CL, BO = "Chile", "Bolivia"
FCALP = "Ferrocarril de Arica a La Paz"
FCA = "Empresa Ferroviaria Andina"
write("hL07.txt", D,
      [person("Jessica López", role("Minister of Public Works", CL, "Public Works Minister"), aliases=["Jessica López Saffie"]),
       person("Edgar Montaño", role("Minister of Public Works, Services and Housing", BO, "Minister of Public Works", "Public Works Minister")),
       person("Gabriel Boric", role("President", CL), aliases=["Gabriel Boric Font"]),
       person("Alberto van Klaveren", role("Foreign Minister", CL, *FM)),
       person("Celinda Sosa", role("Foreign Minister", BO, *FM), aliases=["Celinda Sosa Lunda"]),
       person("Augusto Pinochet", role("President", CL, "then president"), aliases=["Augusto Pinochet Ugarte"]),
       person("Hugo Banzer", role("President", BO, "then president"), aliases=["Hugo Banzer Suárez"]),
       person("Michelle Bachelet", role("President", CL), aliases=["Michelle Bachelet Jeria"]),
       person("Evo Morales", role("President", BO), aliases=["Evo Morales Ayma", "Juan Evo Morales Ayma"]),
       person("Luis Arce", role("President", BO), aliases=["Luis Arce Catacora"]),
       person("Rodrigo Paz", role("Senator", BO), aliases=["Rodrigo Paz Pereira"]),
       person("Jorge Quiroga", role("President", BO, "former president"), aliases=["Jorge Quiroga Ramírez", "Jorge Fernando Quiroga Ramírez"])],
      [state(CL), state(BO), state("Peru")],
      [org(FCALP, CL, ["FCALP", "Ferrocarril Arica-La Paz"]),
       org("Empresa de los Ferrocarriles del Estado", CL, ["EFE"]),
       org(FCA, BO, ["Ferroviaria Andina", "FCA"]),
       org("Administración de Servicios Portuarios – Bolivia", BO, ["ASP-B", "Administración de Servicios Portuarios Bolivia"]),
       org("Empresa Portuaria Arica", CL, ["EPA"]),
       org("International Court of Justice", None, ["ICJ"]),
       org("Ministry of Foreign Affairs of Bolivia", BO, ["Bolivia's Ministry of Foreign Affairs", "Bolivian Ministry of Foreign Affairs"])],
      [city("Arica", CL), city("La Paz", BO), city("Visviri", CL), city("Charaña", BO), city("Viacha", BO), city("Santiago", CL),
       city("Tacna", "Peru"), city("Lima", "Peru"), city("Colchane", CL), city("Pisiga", BO), city("Ilo", "Peru"), city("The Hague", "Netherlands")],
      [agreement("Protocol on the rehabilitation of the Chilean section of the Arica–La Paz railway", [["rehabilitation"], ["protocol", "railway"]], [CL, BO], "2025-08-26"),
       agreement("FCALP–Ferroviaria Andina freight operating contract", [["freight"], ["operating", "contract"]], [FCALP, FCA], "2025-08-26"),
       agreement("1884 truce pact", [["truce"]], [CL, BO], "1884"),
       agreement("1904 Treaty of Peace and Friendship", [["peace", "friendship"], ["1904"]], [CL, BO], "1904-10-20"),
       agreement("1929 Treaty of Lima", [["treaty", "lima"], ["1929"]], [CL, "Peru"], "1929"),
       agreement("1975 Act of Charaña", [["charana"]], [CL, BO], "1975-02")],
      [project("Arica–La Paz railway", [["arica", "la", "paz"], ["arica", "railway"]],
               [CL, BO, FCALP, "Empresa de los Ferrocarriles del Estado", FCA], ["Arica", "La Paz", "Visviri", "Charaña", "Viacha"]),
       project("Port of Arica", [["port", "arica"]], [CL, BO, "Empresa Portuaria Arica", "Administración de Servicios Portuarios – Bolivia"], ["Arica"]),
       project("Port of Ilo", [["ilo"]], ["Peru", BO], ["Ilo"]),
       project("Colchane–Pisiga border crossing", [["colchane"], ["pisiga"]], [CL, BO], ["Colchane", "Pisiga"])],
      [event("Visit", "Montaño visit to Arica", ["Edgar Montaño", BO, CL], "Arica", "2025-08-25"),
       event("Meeting", "López–Montaño talks", ["Jessica López", "Edgar Montaño"], "Arica", "2025-08-26"),
       event("Signing", "Signing of the railway protocol and freight contract", ["Jessica López", "Edgar Montaño", CL, BO, FCALP, FCA], "Arica", "2025-08-26"),
       event("Statement", "Boric post on X", ["Gabriel Boric"], None, "2025-08-26"),
       event("Statement", "Bolivian foreign ministry statement", ["Ministry of Foreign Affairs of Bolivia", BO], None, "2025-08-27"),
       event("Consultation", "van Klaveren–Sosa phone call", ["Alberto van Klaveren", "Celinda Sosa"], None, "2025-08"),
       event("Meeting", "Binational technical committee on the railway (planned)", [CL, BO], "La Paz", "2025-10")])

# hL08 ---------------------------------------------------------------------------------------
D = "2025-11-20"
GN = "Guinea"
CTG = "Compagnie du TransGuinéen"
WCS = "Winning Consortium Simandou"
BAOWU = "China Baowu Steel Group"
write("hL08.txt", D,
      [person("Bouna Sylla", role("Minister of Mines and Geology", GN, "Mines Minister", "Minister of Mines")),
       person("Simon Trott", role("Chief Executive", None, "CEO", "Rio Tinto Chief Executive", "Chief Executive Officer")),
       person("Amadou Oury Bah", role("Prime Minister", GN, "PM")),
       person("Mamadi Doumbouya", role("President of the Transition", GN, "President", "Transitional President"))],
      [state(GN), state("China", actor=False), state("Liberia", actor=False)],
      [org("Rio Tinto", None),
       org("Simfer", GN, ["Simfer S.A."]),
       org("Chinalco", "China", ["Aluminum Corporation of China"]),
       org(WCS, None, ["WCS"]),
       org(CTG, GN, ["CTG", "Compagnie du Transguinéen"]),
       org(BAOWU, "China", ["Baowu", "China Baowu", "Baowu Steel"])],
      [city("Conakry", GN), city("Beijing", "China"), city("Buchanan", "Liberia")],
      [agreement("Amendment to the Simandou rail and port co-development agreement (rail tariff)", [["amendment"], ["tariff"]], [GN, "Simfer", WCS, CTG], "2025-11-18"),
       agreement("Agreement creating the Simandou Community Development Fund", [["community", "development", "fund"], ["community", "fund"]], [GN, "Simfer", WCS, CTG], "2025-11-18"),
       agreement("Third-party access deal", [["third", "party"], ["access", "deal"]], [GN, CTG], "2025-10"),
       agreement("2023 Simandou co-development agreement", [["co", "development", "agreement"], ["2023"]], [GN, "Simfer", WCS], "2023"),
       agreement("2014 Simandou investment framework", [["investment", "framework"], ["2014"]], [GN, "Rio Tinto", "Chinalco"], "2014")],
      [project("Simandou iron ore project", [["simandou", "iron"], ["simandou", "ore"], ["simandou", "mine"], ["simandou", "project"]],
               [GN, "Rio Tinto", "Chinalco", "Simfer", WCS, BAOWU]),
       project("Trans-Guinean railway", [["trans", "guinean"], ["transguineen"], ["simandou", "railway"]], [GN, CTG, "Simfer", WCS]),
       project("Morebaya port", [["morebaya"]], [GN, CTG, "Simfer"]),
       project("Simandou Community Development Fund", [["community", "development", "fund"], ["community", "fund"]], [GN, "Simfer", WCS, CTG]),
       project("Simandou 2040 programme", [["2040"]], [GN]),
       project("Port of Buchanan", [["buchanan"]], ["Liberia"], ["Buchanan"])],
      [event("Signing", "Signing of the tariff amendment and the community fund agreement",
             ["Bouna Sylla", "Simon Trott", "Amadou Oury Bah", GN, "Simfer", WCS, CTG], "Conakry", "2025-11-18"),
       event("PressConference", "Sylla news conference", ["Bouna Sylla"], None, "2025-11-19"),
       event("Statement", "Rio Tinto statement to the stock exchanges", ["Rio Tinto"], None, "2025-11"),
       event("Statement", "Presidency communiqué on state television", [GN, "Mamadi Doumbouya"], None, "2025-11"),
       event("Visit", "Sylla visit to Beijing (planned)", ["Bouna Sylla", GN, "China"], "Beijing", "2026-01"),
       event("Meeting", "Sylla meeting with Baowu and Chinalco (planned)", ["Bouna Sylla", BAOWU, "Chinalco"], "Beijing", "2026-01")])
