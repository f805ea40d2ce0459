-- Corridors (the founding article's four directions; the TIR road channels), overseas hubs, milestones.
INSERT INTO corridors (id, name, direction, mode, period, ref, source_id) VALUES
('bri-east', 'Belt and Road international logistics corridor', 'east', 'multimodal', 'as of 2022-02', 'F007', 'S01'),
('bri-west', 'Belt and Road international logistics corridor', 'west', 'multimodal', 'as of 2022-02', 'F007', 'S01'),
('bri-south', 'Belt and Road international logistics corridor', 'south', 'multimodal', 'as of 2022-02', 'F007', 'S01'),
('bri-north', 'Belt and Road international logistics corridor', 'north', 'multimodal', 'as of 2022-02', 'F007', 'S01'),
('tir-channels', 'International road transport (TIR) channels', NULL, 'road', 'as of 2026-01', 'F156', 'S48');

INSERT INTO corridor_partners (corridor_id, place_id, position) VALUES
('bri-east', 'japan', 1), ('bri-east', 'south-korea', 2), ('bri-east', 'asia-pacific', 3),
('bri-west', 'central-asia', 1), ('bri-west', 'europe', 2),
('bri-south', 'asean', 1), ('bri-south', 'south-asia', 2),
('bri-north', 'mongolia', 1), ('bri-north', 'russia', 2),
('tir-channels', 'russia', 1), ('tir-channels', 'kyrgyzstan', 2), ('tir-channels', 'uzbekistan', 3), ('tir-channels', 'kazakhstan', 4), ('tir-channels', 'belarus', 5);

INSERT INTO overseas_hubs (place_id, kind, service, period, ref, source_id) VALUES
('almaty', 'assembly centre', 'Qilu China-Europe trains', 'as of 2023-11', 'F118', 'S47'),
('uzbekistan', 'warehouse', 'Qilu China-Europe trains', 'as of 2023-11', 'F118', 'S47'),
('serbia', 'warehouse', 'Qilu China-Europe trains', 'as of 2023-11', 'F118', 'S47'),
('germany', 'warehouse', 'Qilu China-Europe trains', 'as of 2023-11', 'F118', 'S47'),
('poland', 'warehouse', 'Qilu China-Europe trains', 'as of 2023-11', 'F118', 'S47'),
('moscow', 'consolidation centre', 'the zone''s China-Europe trains', 'as of 2026-01', 'F149', 'S58'),
('almaty', 'consolidation centre', 'the zone''s China-Europe trains', 'as of 2026-01', 'F149', 'S58');

INSERT INTO milestones (event_key, what, scope, period, is_plan, note, ref, source_id) VALUES
('central-station-opens', 'CR Container Qingdao Central Station starts operation', 'central_station', '2010-08', 0, NULL, 'F042', 'S16'),
('zone-announced', 'Zone announced by Xi Jinping at the 18th SCO summit in Qingdao', 'zone', '2018-06-10', 0, NULL, 'F022', 'S02'),
('multimodal-centre-opens', 'Multimodal Transport Center opens; first train leaves Jiaozhou Bay International Logistics Park', 'multimodal_centre', '2018-07-26', 0, NULL, 'F050', 'S21'),
('construction-start', 'Construction of the zone starts', 'zone', '2018-09', 0, 'about three months after the June 2018 proposal', 'F023', 'S03'),
('first-forum-expo', 'First SCO Local Economic and Trade Cooperation Qingdao Forum and SCO Expo, Jiaozhou', 'sco_expo', '2019-05-24 to 2019-05-26', 1, 'scheduled dates, announced in 2019-03', 'F202', 'S80'),
('plan-adopted', 'Overall plan adopted by the Central Comprehensively Deepening Reform Commission (9th meeting)', 'zone', '2019-07-24', 0, NULL, 'F024', 'S04'),
('plan-approved', 'Overall plan approved by the State Council', 'zone', '2019-09', 0, NULL, 'F025', 'S05'),
('plan-released', 'Ministry of Commerce releases the general plan with four major tasks', 'zone', '2019-10-28', 0, NULL, 'F026', 'S06'),
('four-centres', 'Four tasks set: regional logistics centre; modern trade centre; production capacity cooperation and two-way investment centre; business, tourism and cultural exchange centre', 'zone', '2019-10-28', 0, NULL, 'F027', 'S06'),
('host-zone', 'Zone to be built in the Jiaozhou Economic and Technological Development Zone', 'zone', '2019-10-28', 0, NULL, 'F029', 'S06'),
('qilu-products', 'Shandong Hi-speed Group launches Qilu Japan-South Korea land-sea line, Qilu Shandong-Europe express and Qilu SCO Rail Express', 'qilu_brand', '2020 (by 2020-05-15)', 0, NULL, 'F059', 'S24'),
('sco-pavilion-opens', 'Online SCO Special Products Pavilion opens, the first in China', 'sco_pavilion', '2020-06-12', 0, NULL, 'F187', 'S64'),
('cooperation-hub-inaugurated', 'Qingdao China-SCO Countries Cooperation Hub to be inaugurated at the 2020 SCO Expo', 'cooperation_hub', '2020-10', 1, 'announced before the expo', 'F189', 'S72'),
('expo-2020', '2020 SCO International Investment and Trade Expo', 'sco_expo', '2020-10-16 to 2020-10-18', 1, 'announced dates', 'F203', 'S72'),
('expo-2021-closes', '2021 SCO International Investment and Trade Expo closes', 'sco_expo', '2021-04-28', 0, NULL, 'F205', 'S82'),
('institute-announced', 'China-SCO Institute of Economy and Trade announced by Xi Jinping at the 21st SCO summit', 'institute', '2021-09-17', 0, NULL, 'F190', 'S73'),
('institute-inauguration', 'China-SCO Institute of Economy and Trade inaugurated', 'institute', '2022-01-13', 0, NULL, 'F191', 'S74'),
('institute-inauguration', 'China-SCO Institute of Economy and Trade unveiled; first council meeting', 'institute', '2022-01-18', 0, 'another source dates the inauguration 2022-01-13', 'F192', 'S75'),
('pearl-centre-opens', 'Qingdao · SCODA Pearl International Expo Center put into operation', 'pearl_centre', '2022-09-30', 1, 'announced as the launch date', 'F197', 'S76'),
('service-platform-launch', 'China-SCO comprehensive service platform launched on China''s International Trade Single Window', 'service_platform', '2022-11-25', 0, NULL, 'F180', 'S68'),
('energy-exchange-unveiled', 'Qingdao International Energy Exchange unveiled', 'energy_exchange', '2023-02-17', 0, NULL, 'F185', 'S70'),
('expo-2023', 'SCO Expo 2023', 'sco_expo', '2023-06-15 to 2023-06-18', 1, 'dates as scheduled, stated on the expo''s second day', 'F208', 'S84'),
('xinjiang-dual-hub', 'Xinjiang branch park: cooperation with Alashankou port and a rail-road corridor with Kashgar to SCO countries', 'zone', '2023 (by 2023-07-24)', 0, NULL, 'F117', 'S43'),
('silk-road-base-launch', 'Silk Road E-Commerce Comprehensive Service Base launched', 'silk_road_base', '2023-08-16', 0, NULL, 'F186', 'S71'),
('first-tir-route', 'First TIR international road route of the zone launched', 'zone', '2023-09', 0, NULL, 'F119', 'S48'),
('first-bx1k-cars', 'Shandong''s first BX1K refrigerated railway car set put into operation', 'zone', '2024 (by 2024-10-10)', 0, NULL, 'F127', 'S52'),
('conference-2025', 'China-SCO Local Economic and Trade Cooperation Conference, with the SCO Expo', 'sco_expo', '2025-07-17 to 2025-07-18', 0, NULL, 'F210', 'S86');
