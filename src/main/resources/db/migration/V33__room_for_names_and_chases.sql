-- The officer who writes a scrutiny commentary is named in it by their display name, which holds up to 200
-- characters (staff_account.display_name): at 100, an officer with a longer name could not save the commentary.
alter table scrutiny_commentary alter column written_by set data type varchar(200);
-- A chased action's latest note is "Chased: " and what was done, which the chase form takes up to 2,000
-- characters: at 2,000, the longest chase failed.
alter table plan_action alter column latest_note set data type varchar(2100);
