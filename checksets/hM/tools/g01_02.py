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
       agreement("Memorandum on sharing Lake Kariba water", [["kariba"], ["water"]], [ZM, ZW], D),
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
