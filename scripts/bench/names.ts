/** Name parts the bulk seed draws from (deterministically), so the benchmark's searches hit realistic row counts. */
// prettier-ignore
export const firstNames = [
  "Anna", "Ben", "Clara", "David", "Elena", "Felix", "Greta", "Hugo", "Ines", "Jonas", "Katja", "Lukas", "Mia", "Noah",
  "Olga", "Paul", "Rosa", "Stefan", "Tara", "Uwe", "Vera", "Walter", "Xenia", "Yusuf", "Zoe", "Adam", "Beatrix", "Carlos",
  "Dana", "Emil", "Frieda", "Georg", "Hannah", "Igor", "Julia", "Karl", "Lena", "Marco", "Nina", "Oskar", "Petra", "Quentin",
  "Rita", "Simon", "Theresa", "Ulrich", "Valentina", "Wim", "Yara", "Zofia", "Alexander", "Barbara", "Christian", "Daniela",
  "Erik", "Fatima", "Gustav", "Helga", "Ivan", "Jana", "Kevin", "Laura", "Martin", "Natalia", "Oliver", "Paula", "Rafael",
  "Sabine", "Thomas", "Ursula", "Viktor", "Wiebke", "Aylin", "Bernd", "Chiara", "Dieter", "Emma", "Florian", "Gabriele",
  "Henrik", "Isabel", "Jan", "Kerstin", "Leon", "Maria", "Niklas", "Ole", "Pia", "Robert", "Sofia", "Tobias", "Ute",
  "Vincent", "Wolfgang", "Agnieszka", "Bartosz", "Camille", "Diego", "Elif", "Francesca", "Giovanni", "Hiroshi", "Ingrid",
  "Jorge", "Kasia", "Lars", "Mehmet", "Nadia", "Pierre", "Ravi", "Sven", "Tomasz", "Ana", "Bjorn", "Chen", "Dmitri",
  "Esther", "Farid", "Hanna", "Jakob", "Leila", "Mateo", "Priya", "Selin", "Timo", "Wei",
];

// prettier-ignore
export const lastNames = [
  "Schmidt", "Miller", "Novak", "Garcia", "Keller", "Dubois", "Rossi", "Jansen", "Kowalski", "Berg", "Lindqvist", "Moreau",
  "Weber", "Costa", "Fischer", "Müller", "Schneider", "Wagner", "Becker", "Hoffmann", "Schulz", "Koch", "Richter", "Klein",
  "Wolf", "Schröder", "Neumann", "Schwarz", "Zimmermann", "Braun", "Krüger", "Hofmann", "Hartmann", "Lange", "Schmitt",
  "Werner", "Krause", "Meier", "Lehmann", "Schmid", "Schulze", "Maier", "Köhler", "Herrmann", "König", "Walter", "Mayer",
  "Huber", "Kaiser", "Fuchs", "Peters", "Lang", "Scholz", "Möller", "Weiß", "Jung", "Hahn", "Schubert", "Vogel",
  "Friedrich", "Keller", "Günther", "Frank", "Berger", "Winkler", "Roth", "Beck", "Lorenz", "Baumann", "Franke",
  "Albrecht", "Schuster", "Simon", "Ludwig", "Böhm", "Winter", "Kraus", "Martin", "Schumacher", "Krämer", "Vogt",
  "Stein", "Jäger", "Otto", "Sommer", "Groß", "Seidel", "Heinrich", "Brandt", "Haas", "Schreiber", "Graf", "Schulte",
  "Dietrich", "Ziegler", "Kuhn", "Kühn", "Pohl", "Engel", "Horn", "Busch", "Bergmann", "Thomas", "Voigt", "Sauer",
  "Arnold", "Wolff", "Pfeiffer", "Smith", "Johnson", "Williams", "Brown", "Jones", "Davis", "Wilson", "Anderson",
  "Taylor", "Moore", "Jackson", "White", "Harris", "Thompson", "Robinson", "Clark", "Lewis", "Walker", "Hall", "Allen",
  "Young", "King", "Wright", "Scott", "Green", "Baker", "Adams", "Nelson", "Hill", "Campbell", "Mitchell", "Roberts",
  "Carter", "Phillips", "Evans", "Turner", "Torres", "Parker", "Collins", "Edwards", "Stewart", "Morris", "Murphy",
  "Cook", "Rogers", "Morgan", "Cooper", "Peterson", "Reed", "Bailey", "Bell", "Gomez", "Kelly", "Howard", "Ward", "Cox",
  "Diaz", "Richardson", "Wood", "Watson", "Brooks", "Bennett", "Gray", "James", "Reyes", "Cruz", "Hughes", "Price",
  "Myers", "Long", "Foster", "Sanders", "Ross", "Morales", "Powell", "Sullivan", "Russell", "Ortiz", "Jenkins",
  "Gutierrez", "Perry", "Butler", "Barnes", "Fisher", "Henderson", "Coleman", "Simmons", "Patterson", "Jordan",
  "Reynolds", "Hamilton", "Graham", "Kim", "Gonzales", "Alexander", "Ramos", "Wallace", "Griffin", "West", "Cole",
  "Hayes", "Chavez", "Gibson", "Bryant", "Ellis", "Stevens", "Murray", "Ford", "Marshall", "Owens", "McDonald",
  "Harrison", "Ruiz", "Kennedy", "Wells", "Alvarez", "Woods", "Mendoza", "Castillo", "Olson", "Webb", "Washington",
  "Tucker", "Freeman", "Burns", "Henry", "Vasquez", "Snyder", "Simpson", "Crawford", "Jimenez", "Porter", "Mason",
  "Shaw", "Gordon", "Wagner", "Hunter", "Romero", "Hicks", "Dixon", "Hunt", "Palmer", "Robertson", "Black", "Holmes",
  "Stone", "Meyer", "Boyd", "Mills", "Warren", "Fox", "Rose", "Rice", "Moreno", "Schmidt", "Patel", "Ferguson",
  "Nichols", "Herrera", "Medina", "Ryan", "Fernandez", "Weaver", "Daniels", "Stephens", "Gardner", "Payne", "Kelley",
  "Dunn", "Pierce", "Arnold", "Tran", "Spencer", "Peters", "Hawkins", "Grant", "Hansen", "Castro", "Hoffman", "Hart",
  "Elliott", "Cunningham", "Knight", "Bradley", "Nowak", "Wiśniewski", "Wójcik", "Kamiński", "Lewandowski", "Zieliński",
  "Szymański", "Woźniak", "Dąbrowski", "Bianchi", "Romano", "Colombo", "Ricci", "Marino", "Greco", "Bruno", "Gallo",
  "Conti", "De Luca", "Mancini", "Lombardi", "Moretti", "Barbieri", "Fontana", "Santoro", "Mariani", "Rinaldi", "Caruso",
  "Ferrara", "Galli", "Martini", "Leone", "Longo", "Gentile", "Martinelli", "Vitale", "Lombardo", "Serra", "Coppola",
  "De Santis", "D'Angelo", "Marchetti", "Parisi", "Villa", "Conte", "Ferraro", "Ferri", "Fabbri", "Bianco", "Marini",
  "Grasso", "Valentini", "Messina", "Sala", "De Angelis", "Gatti", "Pellegrini", "Palumbo", "Sanna", "Farina", "Rizzi",
  "Monti", "Cattaneo", "Morelli", "Amato", "Silvestri", "Mazza", "Testa", "Grassi", "Pellegrino", "Carbone", "Giuliani",
  "Benedetti", "Barone", "Rossetti", "Caputo", "Montanari", "Guerra", "Palmieri", "Bernardi", "Martino", "Fiore",
  "De Rosa", "Ferretti", "Bellini", "Basile", "Riva", "Donati", "Piras", "Vitali", "Battaglia", "Sartori", "Neri",
  "Costantini", "Milani", "Pagano", "Ruggiero", "Sorrentino", "D'Amico", "Orlando", "Damico", "Negri", "Bakker",
  "Visser", "Smit", "Meijer", "De Boer", "Mulder", "De Groot", "Bos", "Vos", "Peters", "Hendriks", "Van Leeuwen",
  "Dekker", "Brouwer", "De Wit", "Dijkstra", "Smits", "De Graaf", "Van der Meer", "Van der Linden", "Kok", "Jacobs",
  "De Haan", "Vermeulen", "Van den Berg", "Van der Heijden", "Van der Veen", "Van den Broek", "De Bruijn", "De Vries",
  "Andersson", "Johansson", "Karlsson", "Nilsson", "Eriksson", "Larsson", "Olsson", "Persson", "Svensson", "Gustafsson",
  "Pettersson", "Jonsson", "Jansson", "Hansson", "Bengtsson", "Martin", "Bernard", "Thomas", "Petit", "Robert",
  "Richard", "Durand", "Leroy", "Morel", "Laurent", "Lefebvre", "Michel", "Fournier", "Girard", "Bonnet", "Dupont",
  "Lambert", "Fontaine", "Rousseau", "Vincent", "Muller", "Lefevre", "Faure", "Andre", "Mercier", "Blanc", "Guerin",
  "Boyer", "Garnier", "Chevalier", "Francois", "Legrand", "Gauthier", "Perrin", "Robin", "Clement", "Morin", "Nicolas",
  "Henry", "Roussel", "Mathieu", "Gautier", "Masson", "Marchand", "Duval", "Denis", "Dumont", "Marie", "Lemaire",
];

/** Company names: prefix, trade, city and legal form, so 100,000 customers read like a real book of accounts. */
// prettier-ignore
export const companyPrefixes = [
  "Alpine", "Nordic", "Global", "United", "Pacific", "Atlantic", "Central", "Coastal", "Summit", "Pioneer", "Crown",
  "Apex", "Vertex", "Keystone", "Heritage", "Liberty", "Evergreen", "Silver", "Golden", "Iron", "Blue", "Red", "Green",
  "Northern", "Southern", "Eastern", "Western", "Royal", "Prime", "Union", "Metro", "Delta", "Sigma", "Omega", "Nova",
  "Astra", "Polar", "Titan", "Falcon", "Eagle",
];
// prettier-ignore
export const companyTrades = [
  "Steel", "Logistics", "Foods", "Pharma", "Textiles", "Machinery", "Electronics", "Plastics", "Chemicals", "Paper",
  "Timber", "Glass", "Tools", "Fasteners", "Bearings", "Pumps", "Valves", "Cables", "Lighting", "Packaging", "Medical",
  "Dental", "Optics", "Robotics", "Automation", "Hydraulics", "Motors", "Batteries", "Solar", "Wind", "Water", "Energy",
  "Construction", "Interiors", "Furniture", "Office Supply", "Hospitality", "Catering", "Beverages", "Dairy", "Bakery",
  "Seafood", "Agri", "Garden", "Hardware", "Marine", "Aviation", "Rail", "Freight", "Trading",
];
// prettier-ignore
export const companyCities = [
  "Hamburg", "Berlin", "Munich", "Cologne", "Frankfurt", "Stuttgart", "Dresden", "Leipzig", "Vienna", "Zurich", "Basel",
  "Lyon", "Paris", "Milan", "Turin", "Madrid", "Lisbon", "Porto", "Rotterdam", "Antwerp", "Brussels", "Copenhagen",
  "Oslo", "Stockholm", "Helsinki", "Warsaw", "Krakow", "Prague", "Brno", "Budapest", "Dublin", "Leeds", "Glasgow",
  "Boston", "Chicago", "Denver", "Austin", "Seattle", "Portland", "Toronto", "Montreal", "Calgary", "Sydney", "Perth",
  "Auckland", "Osaka", "Seoul", "Singapore", "Dubai", "Istanbul", "Athens", "Riga", "Tallinn", "Vilnius", "Ljubljana",
  "Zagreb", "Bratislava", "Graz", "Linz", "Salzburg",
];
export const legalForms = ["GmbH", "AG", "Inc.", "Ltd.", "BV", "SA", "S.p.A.", "AB", "Oy", "LLC"];
export const divisions = [
  "East",
  "West",
  "North",
  "South",
  "Logistics",
  "Services",
  "Retail",
  "Europe",
  "Asia",
  "Americas",
  "Parts",
  "Projects",
];
