-- The SCO's member states, observers and dialogue partners, and the public reports they are cited
-- from. These sources are not part of the research notes (no ref); citations only.
INSERT INTO countries (code, name) VALUES
('AE', 'United Arab Emirates'), ('AF', 'Afghanistan'), ('AM', 'Armenia'), ('BH', 'Bahrain'),
('EG', 'Egypt'), ('IN', 'India'), ('IR', 'Iran'), ('KH', 'Cambodia'), ('KW', 'Kuwait'),
('LK', 'Sri Lanka'), ('MM', 'Myanmar'), ('MV', 'Maldives'), ('NP', 'Nepal'), ('QA', 'Qatar'),
('SA', 'Saudi Arabia'), ('TR', 'Turkey');

INSERT INTO sources (id, title, outlet, original_outlet, published, url, mirror_url, language, kind, note) VALUES
('S96', 'Backgrounder: SCO, a young regional group with vitality', 'english.eastday.com', 'Xinhua', '2006-06-15', 'http://english.eastday.com/eastday/englishedition/node20665/node20667/node22808/node138957/node138959/userobject1ai2107372.html', NULL, 'en', 'reprint', NULL),
('S97', NULL, 'opoyi.com', NULL, '2022-09-15', 'https://opoyi.com/world/sco-summit-2022-which-countries-are-attending-the-diplomatic-event-751291', NULL, 'en', 'news', 'title not shown in the copy read; date from the content (the day the Samarkand summit opened)'),
('S98', 'SCO accepts Afghanistan as observer', 'Pajhwok Afghan News', 'Xinhua', '2012-06-07', 'https://pajhwok.com/2012/06/07/sco-accepts-afghanistan-observer/', NULL, 'en', 'news', NULL),
('S99', NULL, 'Policy Research and Information Unit of the President of Sri Lanka (priu.gov.lk)', NULL, '2009-06-17', 'http://www.priu.gov.lk/news_update/Current_Affairs/ca200906/20090617sl_gains_partnership_in_sco.htm', NULL, 'en', 'official site', 'title not shown in the copy read; date from the address'),
('S100', NULL, 'Massis Post', 'Sputnik', '2015-07', 'https://massispost.com/2015/07/armenia-joins-shanghai-cooperation-organization-as-partner-in-dialogue/', NULL, 'en', 'news', 'title not shown in the copy read; month from the address'),
('S101', 'India and Pakistan join SCO', 'xebersaati.com', 'Trend', '2017-06-09', 'http://www.xebersaati.com/news/64401-india-and-pakistan-join-sco/', NULL, 'en', 'reprint', NULL),
('S102', 'Memorandum of obligations on Iran''s SCO membership signed at Samarkand summit', 'People''s Daily Online', 'Xinhua', '2022-09-16', 'http://en.people.cn/n3/2022/0916/c90000-10148236.html', NULL, 'en', 'news', NULL),
('S103', NULL, 'Times of Addu', NULL, '2022-09-18', 'https://timesofaddu.com/2022/09/18/sco-dialogue-partner-status-granted-to-maldives', NULL, 'en', 'news', 'title not shown in the copy read; date from the address'),
('S104', 'Iran Becomes Full-Fledged Member of Shanghai Cooperation Organization', 'Sputnik', NULL, '2023-07-04', 'https://sputnikglobe.com/20230704/iran-becomes-full-fledged-member-of-shanghai-cooperation-organization-1111655518.html', NULL, 'en', 'news', NULL),
('S105', 'Belarus officially becomes SCO member', 'News.Az', NULL, '2024-07-04', 'https://news.az/news/belarus-officially-becomes-sco-member', NULL, 'en', 'news', NULL),
('S106', NULL, 'TASS', NULL, '2025-09-04', 'https://tass.com/world/2012137', NULL, 'en', 'news', 'title not shown in the copy read; report from the Eastern Economic Forum');

INSERT INTO sco_membership (country_code, status, since, until, source_id, note) VALUES
-- Founding members (the Shanghai Five and Uzbekistan, Shanghai, June 2001).
('CN', 'member', 2001, NULL, 'S96', 'founding member'),
('KZ', 'member', 2001, NULL, 'S96', 'founding member'),
('KG', 'member', 2001, NULL, 'S96', 'founding member'),
('RU', 'member', 2001, NULL, 'S96', 'founding member'),
('TJ', 'member', 2001, NULL, 'S96', 'founding member'),
('UZ', 'member', 2001, NULL, 'S96', 'founding member'),
-- Later members and the statuses they held before.
('IN', 'observer', 2005, 2017, 'S97', NULL),
('PK', 'observer', 2005, 2017, 'S97', NULL),
('IN', 'member', 2017, NULL, 'S101', 'admitted at the Astana summit'),
('PK', 'member', 2017, NULL, 'S101', 'admitted at the Astana summit'),
('IR', 'observer', 2005, 2023, 'S97', NULL),
('IR', 'member', 2023, NULL, 'S104', 'admitted at the summit hosted online by India'),
('BY', 'dialogue partner', 2010, 2015, 'S105', 'S99 reports the status granted with Sri Lanka''s at the 2009 Yekaterinburg summit'),
('BY', 'observer', 2015, 2024, 'S105', NULL),
('BY', 'member', 2024, NULL, 'S105', 'admitted at the Astana summit'),
-- Observers.
('MN', 'observer', 2004, NULL, 'S97', 'the first observer state'),
('AF', 'observer', 2012, NULL, 'S98', 'granted at the Beijing summit'),
-- Dialogue partners.
('LK', 'dialogue partner', 2009, NULL, 'S99', 'granted at the Yekaterinburg summit'),
('TR', 'dialogue partner', 2012, NULL, 'S98', 'granted at the Beijing summit'),
('AZ', 'dialogue partner', 2015, NULL, 'S100', 'granted at the Ufa summit'),
('AM', 'dialogue partner', 2015, NULL, 'S100', 'granted at the Ufa summit'),
('KH', 'dialogue partner', 2015, NULL, 'S100', 'granted at the Ufa summit'),
('NP', 'dialogue partner', 2015, NULL, 'S100', 'granted at the Ufa summit'),
('EG', 'dialogue partner', 2022, NULL, 'S102', 'granted at the Samarkand summit'),
('QA', 'dialogue partner', 2022, NULL, 'S102', 'granted at the Samarkand summit'),
('SA', 'dialogue partner', 2022, NULL, 'S102', 'granted at the Samarkand summit'),
('BH', 'dialogue partner', 2022, NULL, 'S103', 'granted at the Samarkand summit; S102 reports an agreement to admit'),
('KW', 'dialogue partner', 2022, NULL, 'S103', 'granted at the Samarkand summit; S102 reports an agreement to admit'),
('MV', 'dialogue partner', 2022, NULL, 'S103', 'granted at the Samarkand summit; S102 reports an agreement to admit'),
('MM', 'dialogue partner', 2022, NULL, 'S103', 'granted at the Samarkand summit; S102 reports an agreement to admit'),
('AE', 'dialogue partner', 2022, NULL, 'S103', 'granted at the Samarkand summit; S102 reports an agreement to admit'),
('LA', 'dialogue partner', 2025, NULL, 'S106', 'admitted at the Tianjin summit, which changed the status of observers and counts all as partners');
