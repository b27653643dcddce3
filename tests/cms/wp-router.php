<?php
/* SPDX-License-Identifier: GPL-3.0-or-later */
/* Router for php -S in tests/cms/wordpress-wrapper.sh: serves /wp-content/ files from the run dir
 * (env TAYORI_WP_CONTENT) and sends everything that is not a real file to WordPress (pretty permalinks). */
$path = rawurldecode(parse_url($_SERVER['REQUEST_URI'], PHP_URL_PATH));
if (str_starts_with($path, '/wp-content/') && !str_contains($path, '..')) {
    $file = getenv('TAYORI_WP_CONTENT') . substr($path, strlen('/wp-content'));
    if (is_file($file) && !str_ends_with($file, '.php')) {
        header('Content-Type: ' . (mime_content_type($file) ?: 'application/octet-stream'));
        header('Content-Length: ' . filesize($file));
        readfile($file);
        return true;
    }
}
$root = $_SERVER['DOCUMENT_ROOT'];
$file = $root . $path;
if ($path !== '/' && is_file($file)) {
    return false;
}
if (is_dir($file) && is_file(rtrim($file, '/') . '/index.php')) {
    return false;
}
$_SERVER['SCRIPT_NAME'] = '/index.php';
$_SERVER['SCRIPT_FILENAME'] = $root . '/index.php';
$_SERVER['PHP_SELF'] = '/index.php';
require $root . '/index.php';
