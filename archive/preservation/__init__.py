"""Backup, restore, preserve: the whole archive as a BagIt bag (`manage.py export_archive`,
`manage.py import_archive`). `contents` says what a bag holds, `bag` writes and reads it."""
