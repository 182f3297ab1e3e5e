import { describe, expect, it } from 'vitest';
import { classifyAddress, describeAddressClass, isIpLiteral, normalizeUrl } from '../../../src/core/links/address.js';

describe('classifyAddress', () => {
  const cases: Array<[string, ReturnType<typeof classifyAddress>]> = [
    ['8.8.8.8', null],
    ['140.82.112.3', null],
    ['172.15.255.255', null],
    ['172.32.0.1', null],
    ['100.63.255.255', null],
    ['100.128.0.1', null],
    ['0.0.0.0', 'unspecified'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['169.254.10.20', 'link-local'],
    ['169.254.169.254', 'metadata'],
    ['100.100.100.200', 'metadata'],
    ['168.63.129.16', 'metadata'],
    ['192.0.0.192', 'metadata'],
    ['100.64.0.1', 'cgnat'],
    ['100.127.255.255', 'cgnat'],
    ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['2606:4700::1111', null],
    ['2001:4860:4860::8888', null],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['fe80::1%eth0', 'link-local'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fd00:ec2::254', 'metadata'],
    ['fec0::1', 'site-local'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'documentation'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:10.0.0.1', 'private'],
    ['::ffff:8.8.8.8', null],
    ['::10.0.0.1', 'private'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['64:ff9b::808:808', null],
    ['2002:c0a8:0101::1', 'private'],
    ['2002:0808:0808::1', null],
    ['2001:0:4136:e378::1', 'reserved'],
    ['localhost', 'invalid'],
    ['1.2.3', 'invalid'],
    ['256.1.1.1', 'invalid'],
    ['1:2:3:4:5:6:7:8:9', 'invalid'],
    ['1::2::3', 'invalid'],
    ['', 'invalid'],
  ];
  it.each(cases)('%s is %s', (address, expected) => {
    expect(classifyAddress(address)).toBe(expected);
  });
});

describe('isIpLiteral', () => {
  it('tells addresses from host names', () => {
    expect(isIpLiteral('127.0.0.2')).toBe(true);
    expect(isIpLiteral('[::1]')).toBe(true);
    expect(isIpLiteral('example.org')).toBe(false);
    expect(isIpLiteral('1.2.3.4.example')).toBe(false);
  });
});

describe('describeAddressClass', () => {
  it('names the class with the right article', () => {
    expect(describeAddressClass('private')).toBe('a private address');
    expect(describeAddressClass('loopback')).toBe('a loopback address');
    expect(describeAddressClass('unspecified')).toBe('an unspecified address');
    expect(describeAddressClass('metadata')).toBe('a cloud metadata address');
  });
});

describe('normalizeUrl', () => {
  it('removes the fragment, lowercases scheme and host, drops default ports', () => {
    expect(normalizeUrl('HTTPS://Example.ORG:443/Path/A?q=1#Section')).toBe('https://example.org/Path/A?q=1');
    expect(normalizeUrl('http://example.org:80')).toBe('http://example.org/');
    expect(normalizeUrl('http://example.org:8080/x#')).toBe('http://example.org:8080/x');
  });

  it('gives the same form for URLs that differ only by fragment', () => {
    expect(normalizeUrl('https://a.test/p#one')).toBe(normalizeUrl('https://A.test/p#two'));
  });

  it('keeps path case and query order (servers may care)', () => {
    expect(normalizeUrl('https://a.test/A?b=2&a=1')).toBe('https://a.test/A?b=2&a=1');
  });

  it('canonicalises numeric IPv4 hosts so they cannot hide a private address', () => {
    expect(normalizeUrl('http://0x7f.1/')).toBe('http://127.0.0.1/');
    expect(normalizeUrl('http://2130706433/')).toBe('http://127.0.0.1/');
  });

  it('refuses everything that is not http or https', () => {
    for (const u of ['mailto:a@b.test', 'file:///etc/passwd', 'ftp://a.test/x', 'javascript:alert(1)', 'gopher://a.test', 'not a url', '/relative/path', 'https://']) {
      expect(normalizeUrl(u), u).toBeNull();
    }
  });
});
