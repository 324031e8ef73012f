"""Gold for hM01 (Zambia–Zimbabwe wire) and hM02 (Morocco–Mauritania translated agency dispatch)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")
CEO = ("CEO", "Chief Executive Officer", "chief executive")

# hM01 ---------------------------------------------------------------------------------------
D = "2025-03-12"
ZM, ZW = "Zambia", "Zimbabwe"
ZRA, WB, AFDB, EU = "Zambezi River Authority", "World Bank", "African Development Bank", "European Union"
write("hM01.txt", D,
      [person("Makozo Chikote", role("Energy Minister", ZM, "Minister of Energy")),
       person("July Moyo", role("Minister of Energy and Power Development", ZW, "Energy Minister", "counterpart")),
       person("Hakainde Hichilema", role("President", ZM)),
       person("Emmerson Mnangagwa", role("President", ZW)),
       # The authority belongs to both states, so its head's post has no state.
       person("Munyaradzi Munodawafa", role("chief executive", None, *CEO)),
       person("Amon Murwira", role("Foreign Minister", ZW, *FM))],
      [state(ZM), state(ZW), state("Mozambique", actor=False), state("Botswana", actor=False),
       state("Namibia", actor=False)],
      [org(ZRA), org("Batoka Hydro Power Company"), org("General Electric"), org("Power China"),
       org("ZESCO", ZM), org("Zimbabwe Power Company", ZW), org(WB), org(AFDB), org(EU),
       org("Southern African Power Pool")],
      [city("Lusaka", ZM)],
      [agreement("Revised Batoka Gorge development agreement", [["batoka"], ["development", "agreement"]], [ZM, ZW], D),
       agreement("Memorandum on sharing Lake Kariba water", [["kariba"], ["water", "sharing"]], [ZM, ZW], D),
       # Named as signed in 2019 and replaced now: history, no Signing event.
       agreement("2019 Batoka Gorge development agreement", [["batoka"], ["development", "agreement"]], [ZM, ZW], "2019")],
      [project("Batoka Gorge hydropower scheme", [["batoka"]],
               [ZM, ZW, ZRA, "Batoka Hydro Power Company", "General Electric", "Power China"], [ZM, ZW]),
       project("Kariba Dam Rehabilitation Project", [["kariba", "rehabilitation"], ["kariba", "dam"], ["plunge", "pool"]],
               [ZRA, WB, AFDB, EU], [ZM, ZW]),
       project("Kariba North Bank power station", [["kariba", "north"]], ["ZESCO"], [ZM]),
       project("Kariba South power station", [["kariba", "south"]], ["Zimbabwe Power Company"], [ZW]),
       project("Kazungula border post", [["kazungula"]], [ZM, ZW], [ZM, ZW]),
       project("Chirundu border post", [["chirundu"]], [ZM, ZW], [ZM, ZW]),
       project("ZiZaBoNa interconnector", [["zizabona"]], [ZW, ZM, "Botswana", "Namibia"], [ZW, ZM, "Botswana", "Namibia"])],
      [event("Visit", "Mnangagwa working visit to Zambia", ["Emmerson Mnangagwa", ZW, ZM], "Lusaka", "2025-03-11"),
       event("Meeting", "Hichilema–Mnangagwa talks", ["Hakainde Hichilema", "Emmerson Mnangagwa"], "Lusaka", "2025-03"),
       event("Signing", "Signing of the Batoka agreement and Kariba water memorandum",
             ["Makozo Chikote", "July Moyo", "Hakainde Hichilema", "Emmerson Mnangagwa", ZM, ZW], "Lusaka", D),
       event("Statement", "Chikote remarks to reporters after the ceremony", ["Makozo Chikote"], "Lusaka", D),
       event("Statement", "Hichilema post on X", ["Hakainde Hichilema"], None, D),
       event("Statement", "Mnangagwa remarks to reporters at the airport", ["Emmerson Mnangagwa"], "Lusaka", D),
       event("Statement", "Zambia–Zimbabwe joint communique", [ZM, ZW], None, "2025-03"),
       event("Visit", "Murwira visit to Lusaka (planned)", ["Amon Murwira", ZW, ZM], "Lusaka", "2025-04"),
       event("Meeting", "Joint Permanent Commission of Cooperation session (planned)", [ZM, ZW, "Amon Murwira"], "Lusaka", "2025-04")])

# hM02 ---------------------------------------------------------------------------------------
D = "2025-06-04"
MA, MR = "Morocco", "Mauritania"
ONEE, SOM = "National Office of Electricity and Drinking Water", "Mauritanian Electricity Company"
write("hM02.txt", D,
      [person("Aziz Akhannouch", role("Head of Government", MA)),
       person("Mokhtar Ould Djay", role("Prime Minister", MR, "Head of Government"), aliases=["Moctar Ould Djay"]),
       person("Tarik Hamane", role("Director General", MA, "DG")),
       person("Nasser Bourita", role("Minister of Foreign Affairs, African Cooperation and Moroccan Expatriates", MA,
                                     "Minister of Foreign Affairs", "Foreign Minister")),
       person("Mohamed Salem Ould Merzoug", role("Minister of Foreign Affairs, Cooperation and Mauritanians Abroad", MR,
                                                 "Minister of Foreign Affairs", "Foreign Minister", "counterpart")),
       person("Leila Benali", role("Minister of Energy Transition and Sustainable Development", MA)),
       person("Mohamed Ould Khaled", role("Minister of Energy and Petroleum", MR)),
       person("Mohamed Ould Cheikh El Ghazouani", role("President", MR), aliases=["Mohamed Ould Ghazouani"]),
       # "His Majesty" is a style; the office is King.
       person("Mohammed VI", role("King", MA, "HM the King")),
       person("Hamid Chabar", role("Ambassador", MA, "Ambassador to Mauritania"))],
      [state(MA), state(MR), state("Nigeria", actor=False), state("Mali", actor=False),
       state("Burkina Faso", actor=False), state("Niger", actor=False)],
      [org(ONEE, MA, ["ONEE"]), org(SOM, MR, ["SOMELEC"])],
      [city("Nouakchott", MR), city("Rabat", MA), city("Chami", MR)],
      [agreement("Eleven Morocco–Mauritania cooperation agreements and memoranda", [["eleven"], ["11"], ["agreements", "memoranda"]], [MA, MR], D),
       agreement("ONEE–SOMELEC electricity interconnection memorandum", [["interconnection"]], [ONEE, SOM, MA, MR], D),
       agreement("Road transport protocol", [["road", "transport"]], [MA, MR], D),
       agreement("Exchange of letters extending the fisheries arrangement", [["letters"], ["fisheries", "extension"]], [MA, MR], D),
       # The arrangement the letters extend is an older agreement of unknown date.
       agreement("Fisheries cooperation arrangement", [["fisheries"]], [MA, MR], None),
       agreement("1986 Morocco–Mauritania cooperation agreement", [["1986"], ["cooperation", "agreement"]], [MA, MR], "1986")],
      [project("Morocco–Mauritania electricity interconnection", [["interconnection"]], [ONEE, SOM, MA, MR], [MA, MR]),
       project("Nigeria–Morocco gas pipeline", [["gas", "pipeline"], ["nigeria", "morocco"]], ["Nigeria", MA, MR], ["Nigeria", MA, MR]),
       project("Royal Atlantic Initiative", [["atlantic", "initiative"]], [MA, MR, "Mali", "Burkina Faso", "Niger"], [MA]),
       project("Dakhla Atlantique port", [["dakhla"]], [MA], [MA])],
      [event("Visit", "Akhannouch visit to Mauritania", ["Aziz Akhannouch", MA, MR], "Nouakchott", "2025-06-03"),
       event("Meeting", "9th session of the Morocco–Mauritania Grand Joint Commission",
             ["Aziz Akhannouch", "Mokhtar Ould Djay", MA, MR], "Nouakchott", D),
       event("Signing", "Signing of eleven instruments and exchange of letters",
             ["Tarik Hamane", "Nasser Bourita", "Mohamed Salem Ould Merzoug", ONEE, SOM, MA, MR], "Nouakchott", D),
       event("Meeting", "Benali–Ould Khaled working meeting", ["Leila Benali", "Mohamed Ould Khaled"], "Nouakchott", "2025-06"),
       event("Meeting", "Ghazouani receives Akhannouch", ["Mohamed Ould Cheikh El Ghazouani", "Aziz Akhannouch"], "Nouakchott", D),
       event("Statement", "Mauritanian presidency statement", [MR], None, D),
       event("PressConference", "Akhannouch–Ould Djay joint press conference", ["Aziz Akhannouch", "Mokhtar Ould Djay"], "Nouakchott", D),
       event("Meeting", "10th session of the Grand Joint Commission (planned)", [MA, MR], "Rabat", "2026")])
