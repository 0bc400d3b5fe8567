-- Database accounts with least privilege, for MySQL 8 (MariaDB 10.11 takes it too). Run once as an
-- administrator, and again to change a password (it is idempotent). Set the variables first, e.g.:
--
--   SET @db = 'fingertip_cases', @user_host = '%',
--       @migrator = 'fingertip_migrator', @migrator_password = '…',
--       @app = 'fingertip_app', @app_password = '…',
--       @temporal = 'temporal', @temporal_password = '…';   -- or @temporal = NULL to skip Temporal's account
--
-- * the migrator owns the application's schema: DDL and data, and GRANT OPTION so that the migration job
--   (`node dist/scripts/migrate.js` with DB_MIGRATE_USER) grants the application its table privileges;
-- * the application gets nothing here: after each migration run it holds SELECT, INSERT, UPDATE, DELETE on
--   every table but `migrations` (none), `audit_records` and `audit_anchors` (SELECT and INSERT only), see
--   libs/database/src/app-privileges.ts;
-- * Temporal's account owns its two databases, `temporal` and `temporal_visibility`, and nothing else.

SET @q = CONCAT('CREATE DATABASE IF NOT EXISTS `', REPLACE(@db, '`', '``'), '` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci');
PREPARE stmt FROM @q; EXECUTE stmt; DEALLOCATE PREPARE stmt;

SET @q = CONCAT('CREATE USER IF NOT EXISTS ', QUOTE(@migrator), '@', QUOTE(@user_host), ' IDENTIFIED BY ', QUOTE(@migrator_password));
PREPARE stmt FROM @q; EXECUTE stmt; DEALLOCATE PREPARE stmt;
SET @q = CONCAT('ALTER USER ', QUOTE(@migrator), '@', QUOTE(@user_host), ' IDENTIFIED BY ', QUOTE(@migrator_password));
PREPARE stmt FROM @q; EXECUTE stmt; DEALLOCATE PREPARE stmt;
SET @q = CONCAT('GRANT ALL PRIVILEGES ON `', REPLACE(@db, '`', '``'), '`.* TO ', QUOTE(@migrator), '@', QUOTE(@user_host), ' WITH GRANT OPTION');
PREPARE stmt FROM @q; EXECUTE stmt; DEALLOCATE PREPARE stmt;

SET @q = CONCAT('CREATE USER IF NOT EXISTS ', QUOTE(@app), '@', QUOTE(@user_host), ' IDENTIFIED BY ', QUOTE(@app_password));
PREPARE stmt FROM @q; EXECUTE stmt; DEALLOCATE PREPARE stmt;
SET @q = CONCAT('ALTER USER ', QUOTE(@app), '@', QUOTE(@user_host), ' IDENTIFIED BY ', QUOTE(@app_password));
PREPARE stmt FROM @q; EXECUTE stmt; DEALLOCATE PREPARE stmt;

SET @q = IF(@temporal IS NULL, 'DO 0', CONCAT('CREATE USER IF NOT EXISTS ', QUOTE(@temporal), '@', QUOTE(@user_host), ' IDENTIFIED BY ', QUOTE(@temporal_password)));
PREPARE stmt FROM @q; EXECUTE stmt; DEALLOCATE PREPARE stmt;
SET @q = IF(@temporal IS NULL, 'DO 0', CONCAT('ALTER USER ', QUOTE(@temporal), '@', QUOTE(@user_host), ' IDENTIFIED BY ', QUOTE(@temporal_password)));
PREPARE stmt FROM @q; EXECUTE stmt; DEALLOCATE PREPARE stmt;
SET @q = IF(@temporal IS NULL, 'DO 0', CONCAT('GRANT ALL PRIVILEGES ON `temporal`.* TO ', QUOTE(@temporal), '@', QUOTE(@user_host)));
PREPARE stmt FROM @q; EXECUTE stmt; DEALLOCATE PREPARE stmt;
SET @q = IF(@temporal IS NULL, 'DO 0', CONCAT('GRANT ALL PRIVILEGES ON `temporal_visibility`.* TO ', QUOTE(@temporal), '@', QUOTE(@user_host)));
PREPARE stmt FROM @q; EXECUTE stmt; DEALLOCATE PREPARE stmt;
