"""Gold for hG05 (Pacific newsletter round-up) and hG06 (Malta–Italy Interconnector 2 brief)."""
from common import agreement, city, event, org, person, project, role, state, write

PM = ("PM", "Premier")

# hG05 ---------------------------------------------------------------------------------------
D = "2025-07-04"
NZ, CK, TV, AU, SB, CN = "New Zealand", "Cook Islands", "Tuvalu", "Australia", "Solomon Islands", "China"
FJ, VU = "Fiji", "Vanuatu"
CCECC = "China Civil Engineering Construction Corporation"
write("hG05.txt", D,
      [person("Winston Peters", role("Foreign Minister", NZ, "Minister of Foreign Affairs", "FM")),
       person("Mark Brown", role("Prime Minister", CK, *PM)),
       person("Pat Conroy", role("Minister for Pacific Island Affairs", AU, "Pacific Minister")),
       person("Feleti Teo", role("Prime Minister", TV, *PM)),
       person("Jeremiah Manele", role("Prime Minister", SB, *PM)),
       person("Li Qiang", role("Premier", CN, "Chinese Premier")),
       person("Sitiveni Rabuka", role("Prime Minister", FJ, *PM)),
       person("Jotham Napat", role("Prime Minister", VU, *PM)),
       person("Tupou VI", role("King", "Tonga"), aliases=["King Tupou VI"])],
      [state(NZ), state(CK), state(TV), state(AU), state(SB), state(CN), state("Japan"), state(FJ), state(VU), state("Tonga"),
       state("Samoa", actor=False)],
      [org(CCECC, CN, ["CCECC"]),
       org("Solomon Islands Police Force", SB),
       org("Pacific Islands Forum Secretariat", None)],
      [city("Wellington", NZ), city("Avarua", CK), city("Beijing", CN), city("Funafuti", TV), city("Honiara", SB),
       city("Auki", SB), city("Port Vila", VU), city("Canberra", AU), city("Nuku'alofa", "Tonga")],
      [agreement("Cook Islands–China package of agreements signed in Beijing", [["package"], ["agreements", "beijing"]], [CK, CN], "2025-02"),
       agreement("Cook Islands–China comprehensive strategic partnership action plan", [["action", "plan"], ["strategic", "partnership"]], [CK, CN], "2025-02"),
       agreement("Cook Islands–China memorandum on seabed minerals", [["seabed"]], [CK, CN], "2025-02"),
       agreement("Tuvalu Coastal Adaptation Project grant arrangement", [["grant"], ["coastal", "adaptation"], ["seawall"]], [AU, TV], "2025-06-30"),
       agreement("Falepili Union treaty", [["falepili"]], [AU, TV], "2023-11")],
      [project("Tuvalu Coastal Adaptation Project, second stage", [["coastal", "adaptation"], ["seawall"]], [AU, TV], ["Funafuti"]),
       project("Tuvalu telecommunications cable", [["telecommunications", "cable"], ["cable"]], [TV, AU, "Japan"]),
       project("Honiara port expansion", [["honiara", "port"], ["port", "expansion"], ["wharf"]], [SB, CN, CCECC], ["Honiara"]),
       project("Bauerfield International Airport runway resurfacing", [["bauerfield"], ["runway"]], [NZ, VU], ["Port Vila"]),
       project("Auki police outpost", [["auki"], ["outpost"]], [AU, "Solomon Islands Police Force"], ["Auki"])],
      [event("Statement", "Peters statement pausing Cook Islands funding", ["Winston Peters"], None, "2025-07-02"),
       event("Statement", "Brown tells reporters in Avarua", ["Mark Brown"], "Avarua", "2025-07"),
       event("Meeting", "Planned New Zealand–Cook Islands officials' meeting in Wellington", [NZ, CK], "Wellington", "2025-07"),
       event("Signing", "Tuvalu seawall grant arrangement signed in Funafuti", ["Pat Conroy", "Feleti Teo", AU, TV], "Funafuti", "2025-06-30"),
       event("Visit", "Conroy two-day visit to Tuvalu", ["Pat Conroy", AU, TV], "Funafuti", "2025-06-29"),
       event("Meeting", "Teo–Conroy talks on the cable and the Falepili Union", ["Feleti Teo", "Pat Conroy"], "Funafuti", "2025-06"),
       event("Consultation", "Manele–Li Qiang phone call", ["Jeremiah Manele", "Li Qiang"], None, "2025-07-01"),
       event("Visit", "Planned Rabuka visit to Vanuatu", ["Sitiveni Rabuka", FJ, VU], "Port Vila", "2025-07"),
       event("Meeting", "Planned Rabuka–Napat talks in Port Vila", ["Sitiveni Rabuka", "Jotham Napat"], "Port Vila", "2025-07"),
       event("Meeting", "Forum Economic Ministers Meeting opened by King Tupou VI", ["Tupou VI", "Tonga"], "Nuku'alofa", "2025-08-14")])

# hG06 ---------------------------------------------------------------------------------------
D = "2025-11-12"
MT, IT = "Malta", "Italy"
IM, PRY, EU = "Interconnect Malta", "Prysmian", "European Union"
write("hG06.txt", D,
      [person("Robert Abela", role("Prime Minister", MT, *PM)),
       person("Miriam Dalli", role("Minister for the Environment, Energy and Public Cleanliness", MT, "Energy Minister")),
       person("Gilberto Pichetto Fratin", role("Minister of the Environment and Energy Security", IT, "Energy Minister", "Environment Minister")),
       person("Massimo Battaini", role("Chief Executive", IT, "CEO", "chief executive officer"))],
      [state(MT), state(IT)],
      [org(IM, MT),
       org(PRY, IT, ["Prysmian Group"]),
       org("Terna", IT),
       org(EU, None, ["EU"]),
       org("European Investment Bank", None, ["EIB"])],
      [city("Valletta", MT), city("Magħtab", MT, ["Maghtab"]), city("Ragusa", IT), city("Naples", IT)],
      [agreement("Interconnect Malta–Prysmian contract for Interconnector 2", [["contract"], ["interconnector"]], [IM, PRY], D),
       agreement("Terna–Interconnect Malta connection agreement", [["connection", "agreement"]], ["Terna", IM], "2023")],
      [project("Malta-Italy Interconnector 2", [["interconnector", "2"], ["second", "interconnector"], ["second", "link"], ["second", "cable"]],
               [IM, PRY, "Terna", MT, IT, EU], ["Magħtab", "Ragusa"]),
       project("First Malta-Italy interconnector", [["first", "interconnector"]], [MT, IT]),
       project("Magħtab converter station", [["converter"]], [MT], ["Magħtab"]),
       project("Connecting Europe Facility", [["connecting", "europe"]], [EU])],
      [event("Signing", "Interconnector 2 contract signed at Auberge de Castille",
             [IM, PRY, "Robert Abela", "Miriam Dalli", "Gilberto Pichetto Fratin"], "Valletta", D),
       event("Statement", "Dalli tells reporters the cable ends single-link dependence", ["Miriam Dalli"], "Valletta", D)])
