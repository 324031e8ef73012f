"""Gold for hS07 (Tunisia–Libya Ras Jedir explainer) and hS08 (Saudi–Egypt interconnection trade press)."""
from common import agreement, city, event, org, person, project, role, state, write

FM = ("Minister of Foreign Affairs", "Foreign Affairs Minister", "FM")
IM = ("Minister of the Interior", "Minister of Interior", "Interior Minister")

# hS07 ---------------------------------------------------------------------------------------
D, MON, TUE = "2025-10-29", "2025-10-27", "2025-10-28"
GNU = "Government of National Unity"
write("hS07.txt", D,
      [person("Khaled Nouri", role("Interior Minister", "Tunisia", *IM), role("Governor", "Tunisia", "former governor")),
       person("Imad Trabelsi", role("Interior Minister", "Libya", *IM, "counterpart")),
       person("Abdul Hamid Dbeibah", role("Prime Minister", "Libya", "PM"), aliases=["Abdulhamid Dbeibah", "Abdul Hamid Dbeibeh"]),
       person("Kais Saied", role("President", "Tunisia"), aliases=["Kaïs Saïed"]),
       person("Muammar Gaddafi", role("Leader", "Libya", "Libya's leader"), aliases=["Muammar al-Gaddafi", "Moammar Gadhafi"]),
       person("Zine El Abidine Ben Ali", role("President", "Tunisia")),
       person("Kamel Feki", role("Interior Minister", "Tunisia", *IM, "then Interior Minister")),
       person("Mohamed Ali Nafti", role("Foreign Minister", "Tunisia", *FM)),
       person("Sara Zaafrani Zenzri", role("Prime Minister", "Tunisia", "PM")),
       person("Khalifa Haftar"),  # named without a post
       person("Mohamed al-Menfi", role("Head of the Presidential Council", "Libya", "President of the Presidential Council",
                                       "Chairman of the Presidential Council")),
       person("Hanna Tetteh", role("Special Representative of the Secretary-General", None, "Special Representative for Libya",
                                   "UN Secretary-General's Special Representative for Libya", "head of UNSMIL"),
              aliases=["Hanna Serwaa Tetteh"])],
      [state("Tunisia"), state("Libya"),
       # Parties to the 1989 Treaty of Marrakesh (parties to past treaties are actors).
       state("Algeria"), state("Morocco"), state("Mauritania"),
       # Only the home countries of the 2011 migrants.
       state("Egypt", actor=False), state("Bangladesh", actor=False)],
      [org(GNU, "Libya", ["GNU", "Tripoli-based Government of National Unity"]),
       org("Ministry of the Interior of Tunisia", "Tunisia", ["Tunisia's Interior Ministry", "Tunisian Interior Ministry"]),
       org("Ministry of Interior of the Government of National Unity", "Libya", ["GNU's interior ministry", "Libyan Interior Ministry"]),
       org("Arab Maghreb Union", None, ["AMU"]),
       org("Presidential Council", "Libya", ["Libyan Presidential Council"]),
       org("United Nations Support Mission in Libya", None, ["UNSMIL"])],
      [city("Ben Guerdane", "Tunisia"), city("Tunis", "Tunisia"), city("Tripoli", "Libya"), city("Médenine", "Tunisia"),
       city("Zuwara", "Libya"), city("Marrakesh", "Morocco"), city("Rabat", "Morocco"), city("Dhehiba", "Tunisia"), city("Wazen", "Libya")],
      [agreement("Ras Jedir joint management executive protocol", [["executive", "protocol"], ["ras", "jedir", "protocol"], ["joint", "management"]],
                 ["Tunisia", "Libya"], MON),
       agreement("June 2024 Ras Jedir reopening deal", [["reopen"], ["ras", "jedir", "deal"]], ["Tunisia", "Libya"], "2024-06"),
       agreement("1989 Treaty of Marrakesh establishing the Arab Maghreb Union", [["marrakesh"], ["arab", "maghreb", "union"], ["maghreb", "treaty"]],
                 ["Tunisia", "Libya", "Algeria", "Morocco", "Mauritania"], "1989-02")],
      [project("Ras Jedir border crossing", [["ras", "jedir"]], ["Tunisia", "Libya", GNU], ["Tunisia", "Libya"]),
       project("Dhehiba–Wazen crossing", [["dhehiba"], ["wazen"]], ["Tunisia", "Libya"], ["Dhehiba", "Wazen"]),
       project("Ben Guerdane free trade zone", [["free", "zone"], ["free", "trade", "zone"]], ["Tunisia"], ["Ben Guerdane"]),
       project("Trans-Maghreb highway", [["trans", "maghreb"], ["highway"]], ["Tunisia", "Libya"], ["Ben Guerdane"])],
      [event("Visit", "Trabelsi visit to Tunisia", ["Imad Trabelsi", "Libya", "Tunisia"], "Ben Guerdane", MON),
       event("Meeting", "Nouri–Trabelsi talks at the crossing", ["Khaled Nouri", "Imad Trabelsi"], None, MON),
       event("Signing", "Signing of the Ras Jedir executive protocol", ["Khaled Nouri", "Imad Trabelsi", "Tunisia", "Libya"], "Ben Guerdane", MON),
       event("Statement", "Tunisian Interior Ministry statement", ["Ministry of the Interior of Tunisia", "Tunisia"], None, MON),
       event("Statement", "GNU statement on Facebook", [GNU, "Libya"], None, "2025-10"),
       event("Consultation", "Dbeibah–Saied phone call", ["Abdul Hamid Dbeibah", "Kais Saied"], None, "2025-10"),
       event("Statement", "Menfi post on X", ["Mohamed al-Menfi"], None, TUE),
       event("Statement", "Tetteh remarks to reporters in Tripoli", ["Hanna Tetteh", "United Nations Support Mission in Libya"], "Tripoli", TUE),
       event("Visit", "Nafti visit to Tripoli", ["Mohamed Ali Nafti", "Tunisia", "Libya"], "Tripoli", "2025"),
       event("Visit", "Zenzri visit to Tripoli", ["Sara Zaafrani Zenzri", "Tunisia", "Libya"], "Tripoli", "2025"),
       event("Meeting", "Planned Tunisian–Libyan Higher Joint Committee", ["Abdul Hamid Dbeibah", "Sara Zaafrani Zenzri", "Tunisia", "Libya"],
             "Tripoli", "2025")])

# hS08 ---------------------------------------------------------------------------------------
D, MON, SUN = "2026-02-11", "2026-02-09", "2026-02-08"
KSA = "Saudi Arabia"
SEC, EETC, HE = "Saudi Electricity Company", "Egyptian Electricity Transmission Company", "Hitachi Energy"
write("hS08.txt", D,
      [person("Abdulaziz bin Salman", role("Minister of Energy", KSA, "Energy Minister"),
              aliases=["Prince Abdulaziz bin Salman", "Abdulaziz bin Salman Al Saud"]),
       person("Mahmoud Esmat", role("Minister of Electricity and Renewable Energy", "Egypt", "Electricity Minister")),
       # Hitachi Energy's state is not given in the text.
       person("Andreas Schierenbeck", role("CEO", None, "Chief Executive Officer", "Hitachi Energy CEO")),
       person("Abdel Fattah el-Sisi", role("President", "Egypt"), aliases=["Abdel Fattah al-Sisi"])],
      [state(KSA), state("Egypt"),
       # Only the subject of a study ("agreed to study an extension"), so context.
       state("Jordan", actor=False)],
      [org(SEC, KSA, ["SEC"]),
       org(EETC, "Egypt", ["EETC"]),
       org(HE, None),
       org("GCC Interconnection Authority", None, ["GCCIA"]),
       org("Arab League", None, ["League of Arab States"])],
      [city("Riyadh", KSA), city("Cairo", "Egypt"), city("Badr", "Egypt"), city("Tabuk", KSA), city("Aswan", "Egypt"), city("Amman", "Jordan")],
      # Three documents named at one ceremony: three agreements, one Signing.
      [agreement("SEC–EETC interconnection operating agreement", [["operating", "agreement"], ["interconnection", "operating"]], [SEC, EETC], MON),
       agreement("First-stage power exchange agreement", [["power", "exchange"], ["exchange", "agreement"]], [SEC, EETC], MON),
       agreement("Hitachi Energy converter service contract", [["service", "contract"], ["hitachi"]], [HE, SEC], MON),
       agreement("2021 EPC contracts for the Saudi–Egypt link", [["epc"], ["engineering", "procurement"], ["2021"]], [HE, SEC, EETC], "2021-10"),
       agreement("2012 Saudi–Egyptian intergovernmental interconnection agreement", [["2012"], ["intergovernmental"]], [KSA, "Egypt"], "2012")],
      [project("Saudi–Egypt HVDC interconnection", [["saudi", "egypt"], ["hvdc", "link"]], [KSA, "Egypt", SEC, EETC, HE], ["Badr", "Tabuk", KSA, "Egypt"]),
       project("Benban solar park", [["benban"]], ["Egypt"], ["Aswan"]),
       project("GCC interconnection grid", [["gcc", "grid"], ["gcc", "interconnection", "grid"]], ["GCC Interconnection Authority", KSA], [KSA])],
      [event("Visit", "Esmat visit to Riyadh", ["Mahmoud Esmat", "Egypt", KSA], "Riyadh", SUN),
       event("Meeting", "Esmat–Abdulaziz talks", ["Mahmoud Esmat", "Abdulaziz bin Salman"], "Riyadh", MON),
       event("Signing", "Signing of the operating, exchange and service documents",
             [SEC, EETC, HE, "Abdulaziz bin Salman", "Mahmoud Esmat", KSA, "Egypt"], "Riyadh", MON),
       event("Statement", "Schierenbeck post on LinkedIn", ["Andreas Schierenbeck", HE], None, "2026-02"),
       event("Visit", "Planned Abdulaziz visit to Egypt for the Badr inauguration", ["Abdulaziz bin Salman", KSA, "Egypt"], "Egypt", "2026-03")])
