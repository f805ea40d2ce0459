-- Countries (ISO 3166-1 alpha-2) and places named by the sources as route ends, border
-- crossings, corridor partners and hub locations.
INSERT INTO countries (code, name) VALUES
('AZ', 'Azerbaijan'), ('BY', 'Belarus'), ('CN', 'China'), ('DE', 'Germany'), ('FI', 'Finland'),
('HU', 'Hungary'), ('JP', 'Japan'), ('KG', 'Kyrgyzstan'), ('KR', 'South Korea'), ('KZ', 'Kazakhstan'),
('LA', 'Laos'), ('MN', 'Mongolia'), ('PK', 'Pakistan'), ('PL', 'Poland'), ('RS', 'Serbia'),
('RU', 'Russia'), ('SI', 'Slovenia'), ('TJ', 'Tajikistan'), ('TM', 'Turkmenistan'), ('UZ', 'Uzbekistan'),
('VN', 'Vietnam');

INSERT INTO places (id, name, kind, country_code) VALUES
-- The zone and its terminals.
('scoda', 'SCO demonstration zone (Jiaozhou, Qingdao)', 'zone', 'CN'),
('scoda-mmc', 'SCODA Qingdao Multimodal Transport Center (Jiaozhou)', 'terminal', 'CN'),
('crct-qingdao', 'CR Intermodal (CR Container) Qingdao Central Station (Jiaozhou)', 'terminal', 'CN'),
('qingdao-road-hub', 'Qingdao international road transport assembly center', 'terminal', 'CN'),
('qingdao', 'Qingdao', 'city', 'CN'),
-- Border crossings where lines leave or enter China.
('alashankou', 'Alashankou (Alataw Pass)', 'border crossing', 'CN'),
('khorgos', 'Khorgos', 'border crossing', 'CN'),
('manzhouli', 'Manzhouli', 'border crossing', 'CN'),
('erenhot', 'Erenhot', 'border crossing', 'CN'),
('tongjiang', 'Tongjiang (Heilongjiang)', 'border crossing', 'CN'),
('baktu', 'Baktu', 'border crossing', 'CN'),
-- Cities, ports and zones abroad.
('almaty', 'Almaty', 'city', 'KZ'),
('astana', 'Astana', 'city', 'KZ'),
('boralday', 'Boralday', 'city', 'KZ'),
('tashkent', 'Tashkent', 'city', 'UZ'),
('samarkand', 'Samarkand', 'city', 'UZ'),
('dushanbe', 'Dushanbe', 'city', 'TJ'),
('moscow', 'Moscow', 'city', 'RU'),
('vorsino', 'Vorsino (Moscow)', 'city', 'RU'),
('selyatino', 'Selyatino', 'city', 'RU'),
('alabuga', 'Alabuga special economic zone (Tatarstan)', 'zone', 'RU'),
('helsinki', 'Helsinki', 'city', 'FI'),
('mannheim', 'Mannheim', 'city', 'DE'),
('budapest', 'Budapest', 'city', 'HU'),
('koper', 'Koper', 'port', 'SI'),
('baku', 'Baku', 'city', 'AZ'),
('vientiane', 'Vientiane', 'city', 'LA'),
('luang-prabang', 'Luang Prabang', 'city', 'LA'),
('dong-nai', 'Dong Nai', 'province', 'VN'),
('incheon', 'Incheon', 'port', 'KR'),
-- Whole countries, where a source names no city.
('russia', 'Russia', 'country', 'RU'),
('belarus', 'Belarus', 'country', 'BY'),
('mongolia', 'Mongolia', 'country', 'MN'),
('south-korea', 'South Korea', 'country', 'KR'),
('japan', 'Japan', 'country', 'JP'),
('kazakhstan', 'Kazakhstan', 'country', 'KZ'),
('kyrgyzstan', 'Kyrgyzstan', 'country', 'KG'),
('uzbekistan', 'Uzbekistan', 'country', 'UZ'),
('serbia', 'Serbia', 'country', 'RS'),
('germany', 'Germany', 'country', 'DE'),
('poland', 'Poland', 'country', 'PL'),
-- Regions (groups of countries) as the sources name them.
('asia-pacific', 'Asia-Pacific', 'region', NULL),
('central-asia', 'Central Asia', 'region', NULL),
('europe', 'Europe', 'region', NULL),
('asean', 'ASEAN', 'region', NULL),
('south-asia', 'South Asia', 'region', NULL),
('japan-korea', 'Japan and South Korea', 'region', NULL),
('sco-countries', 'SCO countries', 'region', NULL);
