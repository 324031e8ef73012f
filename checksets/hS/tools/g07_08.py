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
