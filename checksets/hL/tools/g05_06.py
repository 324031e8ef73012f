"""Gold for hL05 (Americas newsletter round-up) and hL06 (Mauritius–Seychelles brief)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")

# hL05 ---------------------------------------------------------------------------------------
D = "2025-07-24"
CR, PA, UY, AR = "Costa Rica", "Panama", "Uruguay", "Argentina"
CARP = "Administrative Commission of the Río de la Plata"
CAF = "CAF – Development Bank of Latin America and the Caribbean"
write("hL05.txt", D,
      [person("Arnoldo André Tinoco", role("Foreign Minister", CR, *FM, "Minister of Foreign Affairs and Worship"), aliases=["Arnoldo André"]),
       person("Javier Martínez-Acha", role("Foreign Minister", PA, *FM), aliases=["Javier Martínez-Acha Vásquez"]),
       person("Rodrigo Chaves", role("President", CR), aliases=["Rodrigo Chaves Robles"]),
       person("José Raúl Mulino", role("President", PA)),
       person("Mario Lubetkin", role("Foreign Minister", UY, *FM)),
       person("Gerardo Werthein", role("Foreign Minister", AR, *FM, "Minister of Foreign Affairs, International Trade and Worship")),
       person("Yamandú Orsi", role("President", UY)),
       person("Javier Milei", role("President", AR)),
       person("Irfaan Ali", role("President", "Guyana"), aliases=["Mohamed Irfaan Ali"]),
       person("Jennifer Geerlings-Simons", role("President", "Suriname")),
       person("Luiz Inácio Lula da Silva", role("President", "Brazil"), role("Pro Tempore President of Mercosur", None, "pro tempore presidency", "Pro Tempore President"),
              aliases=["Lula da Silva", "Luiz Inacio Lula da Silva"]),
       person("Sergio Díaz-Granados", role("Executive President", None, "CAF Executive President", "Executive President of CAF"))],
      [state(CR), state(PA), state(UY), state(AR), state("Guyana"), state("Suriname"), state("Brazil")],
      [org("Inter-American Development Bank", None, ["IDB"]),
       org(CARP, None, ["CARP", "Comisión Administradora del Río de la Plata"]),
       org("Mercosur", None, ["Southern Common Market", "MERCOSUR"]),
       org("European Union", None, ["EU"]),
       org(CAF, None, ["CAF", "Development Bank of Latin America and the Caribbean", "Development Bank of Latin America"])],
      [city("Paso Canoas", CR), city("Montevideo", UY), city("Paramaribo", "Suriname"), city("Buenos Aires", AR),
       city("San José", CR), city("Moleson Creek", "Guyana"), city("South Drain", "Suriname"), city("Sixaola", CR), city("Guabito", PA)],
      [agreement("Agreement on integrated border control at Paso Canoas", [["paso", "canoas"], ["integrated", "border"]], [CR, PA], "2025-07-21"),
       agreement("MoU on maintenance of the Sixaola–Guabito binational bridge", [["sixaola"], ["guabito"]], [CR, PA], "2025-07-21"),
       agreement("1941 Costa Rica–Panama boundary treaty", [["1941"], ["boundary", "treaty"]], [CR, PA], "1941"),
       agreement("Martín García channel dredging cost-sharing deal", [["martin", "garcia"], ["dredging", "cost"]], [UY, AR, CARP], "2025-07-22"),
       agreement("1973 Treaty of the Río de la Plata", [["treaty", "plata"], ["rio", "plata", "treaty"]], [UY, AR], "1973")],
      [project("Paso Canoas integrated border post", [["paso", "canoas"], ["integrated", "border"]], [CR, PA, "Inter-American Development Bank"], ["Paso Canoas"]),
       project("Sixaola–Guabito binational bridge", [["sixaola"], ["guabito"]], [CR, PA], ["Sixaola", "Guabito"]),
       project("Pan-American Highway", [["pan", "american"]], [CR, PA]),
       project("Martín García channel dredging", [["martin", "garcia"]], [UY, AR, CARP]),
       project("Canal Magdalena", [["magdalena"]], [AR]),
       project("Corentyne River bridge", [["corentyne"]], ["Guyana", "Suriname"], ["Moleson Creek", "South Drain"]),
       project("San José electric passenger train", [["electric", "train"], ["passenger", "train"]], [CR, CAF], ["San José"]),
       project("Río Indio reservoir", [["rio", "indio"]], [PA]),
       project("Panama Canal", [["panama", "canal"]], [PA])],
      [event("Signing", "Signing of the Paso Canoas agreement and the bridge MoU", ["Arnoldo André Tinoco", "Javier Martínez-Acha", CR, PA], "Paso Canoas", "2025-07-21"),
       event("Consultation", "Chaves–Mulino phone call", ["Rodrigo Chaves", "José Raúl Mulino"], None, "2025-07-20"),
       event("Visit", "Werthein visit to Montevideo", ["Gerardo Werthein", AR, UY], "Montevideo", "2025-07-22"),
       event("Meeting", "Lubetkin–Werthein talks", ["Mario Lubetkin", "Gerardo Werthein"], "Montevideo", "2025-07-22"),
       event("Statement", "Orsi radio interview", ["Yamandú Orsi"], None, "2025-07-23"),
       event("Visit", "Ali visit to Paramaribo", ["Irfaan Ali", "Guyana", "Suriname"], "Paramaribo", "2025-07-16"),
       event("Meeting", "Ali–Geerlings-Simons talks", ["Irfaan Ali", "Jennifer Geerlings-Simons"], "Paramaribo", "2025-07-16"),
       event("Statement", "Guyana–Suriname joint statement", ["Guyana", "Suriname"], None, "2025-07-17"),
       event("Meeting", "Mercosur summit in Buenos Aires", ["Mercosur", "Javier Milei", "Luiz Inácio Lula da Silva"], "Buenos Aires", "2025-07-03"),
       event("Statement", "Díaz-Granados statement on the train loan", ["Sergio Díaz-Granados", CAF], None, "2025-07"),
       event("Signing", "Signing of the CAF train loan (planned)", [CAF, CR], "San José", "2025-08")])

# hL06 ---------------------------------------------------------------------------------------
D = "2025-05-14"
MU, SC = "Mauritius", "Seychelles"
JC = "Mauritius–Seychelles Joint Commission"
write("hL06.txt", D,
      [person("Dhananjay Ramful", role("Foreign Minister", MU, *FM)),
       person("Sylvestre Radegonde", role("Minister for Foreign Affairs and Tourism", SC, "Foreign Minister", "Minister for Foreign Affairs", "counterpart")),
       person("Navin Ramgoolam", role("Prime Minister", MU, "PM"), aliases=["Navinchandra Ramgoolam"])],
      [state(MU), state(SC)],
      [org("National Coast Guard", MU, ["Mauritius National Coast Guard"]),
       org("Seychelles Coast Guard", SC),
       org(JC, None, ["Joint Commission"])],
      [city("Port Louis", MU), city("Victoria", SC)],
      [agreement("Exchange of notes on joint fisheries surveillance of the Joint Management Area", [["exchange", "notes"], ["fisheries", "surveillance"], ["joint", "patrols"]], [MU, SC], "2025-05-13"),
       agreement("2012 Mascarene Plateau joint management treaty", [["mascarene"], ["2012", "treaty"]], [MU, SC], "2012")],
      [project("Mascarene Plateau Joint Management Area", [["joint", "management", "area"], ["mascarene"]], [MU, SC])],
      [event("Signing", "Exchange of notes in Port Louis", ["Dhananjay Ramful", "Sylvestre Radegonde", MU, SC], "Port Louis", "2025-05-13"),
       event("Visit", "Radegonde visit to Port Louis", ["Sylvestre Radegonde", SC, MU], "Port Louis", "2025-05-13"),
       event("Statement", "Radegonde remarks to reporters", ["Sylvestre Radegonde"], None, "2025-05"),
       event("Statement", "Ramgoolam Facebook post", ["Navin Ramgoolam"], None, "2025-05"),
       event("Meeting", "Joint Commission meeting in Victoria (planned)", [JC, MU, SC], "Victoria", "2025-09")])
