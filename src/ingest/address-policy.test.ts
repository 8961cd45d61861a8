import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRefusedAddress } from './address-policy.js';

void test('private, loopback, link-local, unique-local, multicast and unspecified addresses are refused', () => {
  for (const a of ['127.0.0.1', '127.9.9.9', '10.1.2.3', '172.16.0.1', '172.31.255.255', '192.168.1.1', '169.254.169.254', '100.64.0.1', '0.0.0.0', '224.0.0.1', '255.255.255.255', '::1', '::', 'fe80::1', 'fd00::1', 'fc00::5', 'ff02::1', '::ffff:127.0.0.1', '::ffff:7f00:1', '::ffff:10.0.0.1', '[::1]', 'fe80::1%eth0', 'not-an-ip'])
    assert.equal(isRefusedAddress(a), true, a);
});

void test('public addresses are allowed', () => {
  for (const a of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '93.184.216.34', '2606:4700::1111', '::ffff:8.8.8.8']) assert.equal(isRefusedAddress(a), false, a);
});
