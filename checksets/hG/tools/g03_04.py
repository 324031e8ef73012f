"""Gold for hG03 (Liberia–Sierra Leone Mano River bridge interview) and hG04 (EPC summit live blog, Tirana)."""
from common import agreement, city, event, org, person, project, role, state, write

PM = ("PM", "Premier")

# hG03 ---------------------------------------------------------------------------------------
D = "2025-02-19"
LR, SL, GN, CI = "Liberia", "Sierra Leone", "Guinea", "Ivory Coast"
AFDB = "African Development Bank"
MRU = "Mano River Union"
write("hG03.txt", D,
      [person("Roland Layfette Giddings", role("Minister of Public Works", LR, "Public Works Minister", "works minister")),
       person("Denis Sandy", role("Minister of Works and Public Assets", SL, "works minister")),
       person("Augustine Kpehe Ngafuan", role("Finance Minister", LR, "Minister of Finance")),
       person("Joseph Boakai", role("President", LR), aliases=["Joseph Nyuma Boakai"]),
       person("Julius Maada Bio", role("President", SL)),
       person("William Tolbert", role("President", LR), aliases=["William R. Tolbert"]),
       person("Siaka Stevens", role("President", SL))],
      [state(LR), state(SL), state(GN), state(CI, aliases=["Côte d'Ivoire", "Republic of Côte d'Ivoire"])],
      [org(AFDB, None, ["AfDB"]),
       org("ArcelorMittal Liberia", LR),
       org("Ministry of Mines of Liberia", LR, ["Ministry of Mines"]),
       org(MRU, None, ["MRU"])],
      [city("Freetown", SL), city("Monrovia", LR), city("Bo Waterside", LR), city("Jendema", SL),
       city("Kenema", SL), city("Bo", SL), city("Abidjan", CI), city("Conakry", GN),
       city("Ganta", LR), city("Yekepa", LR), city("Buchanan", LR)],
      [agreement("Memorandum of understanding on the new Mano River bridge", [["mano", "river", "bridge"], ["memorandum"]], [LR, SL], "2025-02"),
       agreement("Protocol on joint border-post operations at Bo Waterside and Jendema", [["border", "post"], ["protocol"], ["jendema"]], [LR, SL], "2025-02"),
       agreement("ArcelorMittal Liberia mineral development agreement", [["mineral", "development"]], ["ArcelorMittal Liberia", LR], None),
       agreement("1973 Mano River Declaration", [["mano", "river", "declaration"]], [LR, SL], "1973")],
      [project("Mano River bridge at Bo Waterside", [["mano", "river", "bridge"]], [LR, SL, AFDB], ["Bo Waterside"]),
       project("Trans-West African Coastal Highway", [["coastal", "highway"], ["trans", "west", "african"]], [AFDB, LR, SL, GN, CI, MRU]),
       project("Ganta–Yekepa road", [["ganta"], ["road"]], [LR], ["Ganta", "Yekepa"]),
       project("Yekepa–Buchanan railway", [["railway"], ["buchanan"]], ["ArcelorMittal Liberia", LR], ["Yekepa", "Buchanan"]),
       project("Tokadeh mine", [["tokadeh"]], ["ArcelorMittal Liberia"])],
      [event("Signing", "Mano River bridge memorandum and border-post protocol signed in Freetown",
             ["Roland Layfette Giddings", "Denis Sandy", LR, SL], "Freetown", "2025-02"),
       event("Visit", "Giddings visit to Sierra Leone", ["Roland Layfette Giddings", LR, SL], "Freetown", "2025-02"),
       event("Meeting", "Bio receives the Liberian delegation at State House", ["Julius Maada Bio", "Roland Layfette Giddings"], "Freetown", "2025-02-13"),
       event("Signing", "Planned AfDB financing agreement signing in Abidjan", ["Augustine Kpehe Ngafuan", AFDB, LR], "Abidjan", "2025-03"),
       event("Meeting", "Planned meeting of Mano River Union works ministers in Conakry", [LR, SL, GN, CI], "Conakry", "2025-05"),
       event("Statement", "Giddings interview with FrontPage Africa", ["Roland Layfette Giddings"], "Monrovia", D)])

# hG04 ---------------------------------------------------------------------------------------
D = "2025-05-16"
AL, ME, HR, IT, UA = "Albania", "Montenegro", "Croatia", "Italy", "Ukraine"
UK, FR, DE, PL, US = "United Kingdom", "France", "Germany", "Poland", "United States"
EPC = "European Political Community"
EC = "European Commission"
write("hG04.txt", D,
      [person("Edi Rama", role("Prime Minister", AL, *PM)),
       person("António Costa", role("President of the European Council", None, "European Council President")),
       person("Mette Frederiksen", role("Prime Minister", "Denmark", *PM)),
       person("Giorgia Meloni", role("Prime Minister", IT, *PM)),
       person("Milojko Spajić", role("Prime Minister", ME, *PM)),
       person("Andrej Plenković", role("Prime Minister", HR, *PM)),
       person("Volodymyr Zelensky", role("President", UA), aliases=["Volodymyr Zelenskyy"]),
       person("Mark Rutte", role("Secretary General", None, "NATO Secretary General", "Secretary-General")),
       person("Vladimir Medinsky", role("Aide", "Russia", "Kremlin aide", "Presidential Aide")),
       person("Keir Starmer", role("Prime Minister", UK, *PM)),
       person("Emmanuel Macron", role("President", FR)),
       person("Friedrich Merz", role("Chancellor", DE, "Federal Chancellor")),
       person("Donald Tusk", role("Prime Minister", PL, *PM)),
       person("Donald Trump", role("President", US)),
       person("Ursula von der Leyen", role("President of the European Commission", None, "European Commission President", "Commission President")),
       person("Maia Sandu", role("President", "Moldova")),
       person("Pedro Sánchez", role("Prime Minister", "Spain", *PM)),
       person("Dick Schoof", role("Prime Minister", "Netherlands", *PM))],
      [state(AL), state(ME), state(HR), state(IT), state(UA), state(UK, aliases=["UK", "Britain"]), state(FR), state(DE),
       state(PL), state(US, aliases=["US", "United States of America"]), state("Moldova"), state("Spain"), state("Netherlands"),
       state("Denmark"), state("Russia", actor=False)],
      [org(EPC, None, ["EPC"]),
       org("European Council", None),
       org(EC, None, ["Commission"]),
       org("NATO", None, ["North Atlantic Treaty Organization"]),
       org("European Investment Bank", None, ["EIB"])],
      [city("Tirana", AL), city("Copenhagen", "Denmark"), city("Shëngjin", AL, ["Shengjin"]), city("Gjadër", AL, ["Gjader"]),
       city("Shkodër", AL, ["Shkoder"]), city("Hani i Hotit", AL), city("Istanbul", "Türkiye"), city("Washington", US)],
      [agreement("Albania–Montenegro memorandum on the Adriatic-Ionian motorway", [["adriatic", "ionian"], ["motorway"], ["memorandum"]], [AL, ME], D),
       agreement("2023 Italy–Albania migration protocol", [["migration"], ["protocol"]], [IT, AL], "2023")],
      [project("Adriatic-Ionian motorway", [["adriatic", "ionian"], ["motorway"]], [AL, ME, HR], ["Shkodër", "Hani i Hotit"]),
       project("Italian migration centres in Shëngjin and Gjadër", [["migration", "centres"], ["shengjin"], ["gjader"]], [IT, AL], ["Shëngjin", "Gjadër"]),
       project("Western Balkans digital connectivity package", [["digital", "connectivity"]], [EC]),
       project("Growth Plan for the Western Balkans", [["growth", "plan"]], [EC])],
      [event("Meeting", "European Political Community summit in Tirana",
             ["Edi Rama", "António Costa", "Volodymyr Zelensky", "Keir Starmer", "Emmanuel Macron", "Friedrich Merz", "Donald Tusk",
              "Ursula von der Leyen", "Maia Sandu", "Giorgia Meloni", "Milojko Spajić", "Andrej Plenković", "Pedro Sánchez", "Dick Schoof", EPC],
             "Tirana", D),
       event("PressConference", "Rama and Costa closing press conference", ["Edi Rama", "António Costa"], "Tirana", D),
       event("Meeting", "Planned EPC summit in Copenhagen", ["Mette Frederiksen", EPC, "Denmark"], "Copenhagen", "2025"),
       event("Meeting", "Meloni–Rama bilateral on the sidelines", ["Giorgia Meloni", "Edi Rama", IT, AL], "Tirana", D),
       event("Signing", "Albania–Montenegro motorway memorandum signed", ["Milojko Spajić", "Edi Rama", "Andrej Plenković", AL, ME], "Tirana", D),
       event("Meeting", "Zelensky–Rutte meeting", ["Volodymyr Zelensky", "Mark Rutte"], "Tirana", D),
       event("Statement", "Zelensky on X after meeting Rutte", ["Volodymyr Zelensky"], None, D),
       event("Consultation", "Starmer, Macron, Merz and Tusk call Trump", ["Keir Starmer", "Emmanuel Macron", "Friedrich Merz", "Donald Tusk", "Donald Trump"], None, D),
       event("Statement", "Starmer tells reporters Putin's stalling must have consequences", ["Keir Starmer"], "Tirana", D),
       event("Statement", "Rama's opening speech", ["Edi Rama"], "Tirana", D)])
