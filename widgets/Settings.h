#pragma once

#include <QSettings>
#include <QStringList>
#include <QVariant>

namespace loupe {

/// A typed handle on one QSettings key: the key and its default live next to the code that uses them.
template<typename T>
class SettingValue
{
public:
    SettingValue(QString key, T defaultValue = T())
        : m_key(std::move(key))
        , m_default(std::move(defaultValue))
    {
    }

    T get() const
    {
        const QVariant v = QSettings().value(m_key);
        return v.isValid() && v.canConvert<T>() ? v.value<T>() : m_default;
    }
    void set(const T &value) { QSettings().setValue(m_key, QVariant::fromValue(value)); }
    QString key() const { return m_key; }

private:
    QString m_key;
    T m_default;
};

/// Most recently used paths first, without duplicates, at most `capacity` of them.
class RecentList
{
public:
    explicit RecentList(QString key = QStringLiteral("recent/datasets"), int capacity = 10)
        : m_value(std::move(key))
        , m_capacity(capacity)
    {
    }

    QStringList items() const { return m_value.get(); }
    void add(const QString &path)
    {
        QStringList list = items();
        list.removeAll(path);
        list.prepend(path);
        while (list.size() > m_capacity)
            list.removeLast();
        m_value.set(list);
    }
    void remove(const QString &path)
    {
        QStringList list = items();
        list.removeAll(path);
        m_value.set(list);
    }
    void clear() { m_value.set({}); }
    int capacity() const { return m_capacity; }

private:
    SettingValue<QStringList> m_value;
    int m_capacity;
};

} // namespace loupe
