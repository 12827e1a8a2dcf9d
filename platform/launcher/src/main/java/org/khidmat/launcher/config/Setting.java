package org.khidmat.launcher.config;

/**
 * One setting of the centre: where it lives ({@code conf/<pid>.cfg.json}, key), its type and range, its default (as
 * the documentation shows it), the environment variable that overrides the file, whether a change is taken without a
 * restart, and what it means. {@link SettingTable} lists them all; {@code docs/configuration.md} shows the same table.
 *
 * @param pid the Config Admin PID, also the file name without {@code .cfg.json}
 * @param key the key in the file
 * @param kind the value's type
 * @param min the least value of a number
 * @param max the greatest value of a number
 * @param fallback the default, as written in the documentation
 * @param env the environment variable that overrides the file, or empty
 * @param live whether a change of the file takes effect without a restart
 * @param meaning what it does, in a sentence
 */
record Setting(String pid, String key, Kind kind, int min, int max, String fallback, String env, boolean live,
        String meaning) {

    static Setting of(String pid, String key, Kind kind, String fallback, String env, boolean live, String meaning) {
        return new Setting(pid, key, kind, 0, 0, fallback, env, live, meaning);
    }

    static Setting number(String pid, String key, int min, int max, String fallback, String env, boolean live,
            String meaning) {
        return new Setting(pid, key, Kind.NUMBER, min, max, fallback, env, live, meaning);
    }

    /** @return {@code conf/<pid>.cfg.json} */
    String file() {
        return "conf/" + pid + ConfigFolder.SUFFIX;
    }
}
